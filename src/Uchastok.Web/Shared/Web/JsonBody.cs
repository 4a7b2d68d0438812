using System.Text.Json;

namespace Uchastok.Web.Shared.Web;

/// <summary>What a JSON request body gave: the value, or the field whose value had the wrong type, or neither (no readable body).</summary>
public readonly record struct JsonBodyRead<T>(T? Value, string? UnreadableField) where T : class;

/// <summary>
/// Reads an API request's JSON body for the endpoints that also take a form (appeals, quick reports). A malformed
/// body is no input (the caller answers 400, not an exception); a value of the wrong type (<c>"lat": "abc"</c>)
/// names its field, so the caller says which one, as for any other bad input.
/// </summary>
public static class JsonBody
{
    public static async Task<JsonBodyRead<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        try
        {
            return new(await request.ReadFromJsonAsync<T>(cancellationToken), null);
        }
        catch (JsonException exception) when (FieldOf(exception.Path) is { } field)
        {
            return new(null, field);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or BadHttpRequestException)
        {
            return new(null, null);
        }
    }

    /// <summary>The top-level field a JSON path such as <c>$.lat</c> or <c>$['text']</c> points into; null for the body itself.</summary>
    public static string? FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return null;
        var field = path.TrimStart('$', '.').TrimStart('[', '\'', '"');
        var end = field.IndexOfAny(['.', '[', '\'', '"']);
        field = end < 0 ? field : field[..end];
        return field.Length == 0 ? null : char.ToLowerInvariant(field[0]) + field[1..];
    }
}
