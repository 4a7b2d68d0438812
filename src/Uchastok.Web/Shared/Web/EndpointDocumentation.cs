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
}
