using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Uchastok.Web.Shared.Web;

/// <summary>What an endpoint's answers are, for the OpenAPI document, where its result type cannot say.</summary>
public static class EndpointDocumentation
{
    /// <summary>
    /// A 200 that is a file (an image, a PDF, a calendar): its media types, with the body described as binary.
    /// Declared as <see cref="Stream"/> because ASP.NET Core's OpenAPI writes that type as <c>string/binary</c>; a
    /// typeless <c>Produces(200, contentType: …)</c> loses its media types on the way into the document.
    /// </summary>
    public static RouteHandlerBuilder ProducesFile(this RouteHandlerBuilder route, string contentType, params string[] additionalContentTypes) =>
        route.Produces<Stream>(StatusCodes.Status200OK, contentType, additionalContentTypes);

    /// <summary>
    /// The same answer in a second format the address chooses (<c>appeals.csv</c> beside <c>appeals.json</c>, Open311's
    /// <c>.xml</c>): the media type is listed beside every JSON one of the operation. It is added to the document
    /// directly, because a second <c>Produces</c> for one status code replaces the first.
    /// </summary>
    public static RouteHandlerBuilder AlsoAs(this RouteHandlerBuilder route, string mediaType, JsonSchemaType? type = null) =>
        route.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Responses is null) return Task.CompletedTask;
            foreach (var response in operation.Responses.Values)
                if (response.Content is { } content && content.ContainsKey("application/json"))
                    content[mediaType] = new OpenApiMediaType { Schema = type is null ? null : new OpenApiSchema { Type = type } };
            return Task.CompletedTask;
        });
}
