using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Uchastok.Web.Shared.Web;

/// <summary>
/// A 200 with a JSON body, for a view that a node keeps and serves many times over (the inspector's
/// day, kept by <c>PreventionDayCache</c>): the body is serialized once per view instance, with the
/// app's JSON options, and written as bytes afterwards. The view must not change once made — the
/// records of a read model do not. To OpenAPI it is the same 200 of <typeparamref name="T"/> as
/// <see cref="Microsoft.AspNetCore.Http.HttpResults.Ok{TValue}"/>.
/// </summary>
public sealed class SerializedOnceOk<T> : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<T>
    where T : class
{
    // Keyed by the instance: a view the node drops is collected with its bytes.
    private static readonly ConditionalWeakTable<T, byte[]> Bodies = new();

    public SerializedOnceOk(T value) => Value = value;

    public T Value { get; }

    object IValueHttpResult.Value => Value;

    public int StatusCode => StatusCodes.Status200OK;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var options = httpContext.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var body = Bodies.GetValue(Value, view => JsonSerializer.SerializeToUtf8Bytes(view, options));
        httpContext.Response.StatusCode = StatusCode;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        httpContext.Response.ContentLength = body.Length;
        return httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
    }

    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
}
