using System.IO.Compression;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Uchastok.Web.Shared.Web;

/// <summary>
/// A 200 with a JSON body, for a view that a node keeps and serves many times over (the inspector's
/// day, kept by <c>PreventionDayCache</c>): the body is serialized once per view instance, with the
/// app's JSON options, and written as bytes afterwards. It is compressed once too, for the clients that
/// accept Brotli or gzip (every browser and tablet): otherwise the response-compression middleware would
/// compress the same bytes again on every request, which for a day of 150 stops costs more than
/// everything else the request does. The view must not change once made — the records of a read model
/// do not. To OpenAPI it is the same 200 of <typeparamref name="T"/> as
/// <see cref="Microsoft.AspNetCore.Http.HttpResults.Ok{TValue}"/>.
/// </summary>
public sealed class SerializedOnceOk<T> : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<T>
    where T : class
{
    /// <summary>Below this a body goes as it is: compressing a few hundred bytes saves less than its headers cost.</summary>
    public const int CompressFrom = 1024;

    // Keyed by the instance: a view the node drops is collected with its bytes.
    private static readonly ConditionalWeakTable<T, Encodings> Bodies = new();

    public SerializedOnceOk(T value) => Value = value;

    public T Value { get; }

    object IValueHttpResult.Value => Value;

    public int StatusCode => StatusCodes.Status200OK;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var options = httpContext.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var encodings = Bodies.GetValue(Value, view => new Encodings(JsonSerializer.SerializeToUtf8Bytes(view, options)));
        var response = httpContext.Response;
        var (body, coding) = encodings.For(httpContext.Request.Headers.AcceptEncoding);
        response.StatusCode = StatusCode;
        response.ContentType = "application/json; charset=utf-8";
        // Set, so the response-compression middleware leaves the body alone; Vary, so a cache keeps one copy per coding.
        if (coding is not null) response.Headers.ContentEncoding = coding;
        if (encodings.Compressible) response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
    }

    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));

    /// <summary>The body as serialized, and Brotli and gzip copies made the first time a client asks for one.</summary>
    private sealed class Encodings(byte[] identity)
    {
        private readonly Lazy<byte[]> _brotli = new(() => Compress(identity, s => new BrotliStream(s, CompressionLevel.Optimal)));
        private readonly Lazy<byte[]> _gzip = new(() => Compress(identity, s => new GZipStream(s, CompressionLevel.Optimal)));

        public bool Compressible => identity.Length >= CompressFrom;

        /// <summary>Brotli when the client accepts it, else gzip, else the bytes as they are (also for q=0 and for small bodies).</summary>
        public (byte[] Body, string? Coding) For(Microsoft.Extensions.Primitives.StringValues acceptEncoding)
        {
            if (!Compressible || acceptEncoding.Count == 0) return (identity, null);
            if (!StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var accepted)) return (identity, null);
            bool Accepts(string coding) => accepted.Any(a => (a.Value.Equals(coding, StringComparison.OrdinalIgnoreCase) || a.Value == "*") && (a.Quality ?? 1) > 0)
                && !accepted.Any(a => a.Value.Equals(coding, StringComparison.OrdinalIgnoreCase) && a.Quality == 0);
            if (Accepts("br")) return (_brotli.Value, "br");
            if (Accepts("gzip")) return (_gzip.Value, "gzip");
            return (identity, null);
        }

        private static byte[] Compress(byte[] body, Func<Stream, Stream> compressor)
        {
            using var output = new MemoryStream();
            using (var stream = compressor(output)) stream.Write(body);
            return output.ToArray();
        }
    }
}
