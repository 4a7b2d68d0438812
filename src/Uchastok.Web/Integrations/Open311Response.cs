using Uchastok.Rules.Integrations;

namespace Uchastok.Web.Integrations;

public enum Open311Format
{
    Xml,
    Json,
}

/// <summary>
/// A GeoReport v2 answer: the tree written in the format the URL's extension names, with the
/// content types and the UTF-8 charset the specification lists.
/// </summary>
public sealed class Open311Response(Open311Node body, Open311Format format, int statusCode = StatusCodes.Status200OK) : IResult
{
    public Open311Node Body { get; } = body;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var bytes = format == Open311Format.Json ? Open311Writer.Json(Body) : Open311Writer.Xml(Body);
        httpContext.Response.StatusCode = statusCode;
        httpContext.Response.ContentType = format == Open311Format.Json ? "application/json; charset=utf-8" : "text/xml; charset=utf-8";
        httpContext.Response.ContentLength = bytes.Length;
        return httpContext.Response.Body.WriteAsync(bytes).AsTask();
    }

    /// <summary>The format an extension asks for; XML, the format every server must speak, for anything else.</summary>
    public static bool TryFormat(string? extension, out Open311Format format)
    {
        format = string.Equals(extension, "json", StringComparison.OrdinalIgnoreCase) ? Open311Format.Json : Open311Format.Xml;
        return string.Equals(extension, "json", StringComparison.OrdinalIgnoreCase) || string.Equals(extension, "xml", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The format of a request under /open311/v2, from the extension of its last path segment.</summary>
    public static Open311Format FormatOf(PathString path)
    {
        var value = path.Value ?? string.Empty;
        var dot = value.LastIndexOf('.');
        return dot >= 0 && TryFormat(value[(dot + 1)..], out var format) ? format : Open311Format.Xml;
    }

    /// <summary>The specification's error list: one <c>{code, description}</c> per problem, the HTTP status as the code.</summary>
    public static Open311Response Errors(Open311Format format, int statusCode, IEnumerable<string> descriptions) =>
        new(Open311Node.List("errors", descriptions.Select(d => Open311Node.Object("error",
            Open311Node.Value("code", statusCode), Open311Node.Value("description", d)))), format, statusCode);

    public static Open311Response Error(Open311Format format, int statusCode, string description) => Errors(format, statusCode, [description]);
}
