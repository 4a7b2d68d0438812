using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace Uchastok.Web.Shared.Web;

/// <summary>
/// What a request that throws gets, in every environment: on the API a problem (500, or the status
/// of a body the server refused to read, such as 413 for one over the size limit) in the reader's
/// language; on pages the error page with that status, rendered as a GET — re-executed as the
/// original POST it would fail antiforgery and answer 400.
/// </summary>
public sealed class UnhandledExceptions(IProblemDetailsService problems, IStringLocalizer<SharedResource> localizer) : IExceptionHandler
{
    /// <summary>The status for an exception: the one a refused request body carries, 500 for anything else.</summary>
    public static int StatusOf(Exception exception) =>
        exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path;
        if (!WebSetup.IsApi(path))
        {
            // The error page is re-executed next; as a GET, so no antiforgery or handler of the original form runs.
            context.Request.Method = HttpMethods.Get;
            return false;
        }
        // The request's language was set for the pipeline below, and the culture does not flow back up with the exception.
        if (context.Features.Get<IRequestCultureFeature>()?.RequestCulture is { } culture)
        {
            CultureInfo.CurrentCulture = culture.Culture;
            CultureInfo.CurrentUICulture = culture.UICulture;
        }
        var status = StatusOf(exception);
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = status,
                Title = localizer[$"Problem.{status}"],
                Detail = localizer[$"Status.{status}.Text"] is { ResourceNotFound: false } text ? text.Value : null,
            },
        });
    }
}
