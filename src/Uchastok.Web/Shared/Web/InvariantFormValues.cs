using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Uchastok.Web.Shared.Web;

/// <summary>
/// Form fields read in the invariant culture. A browser sends what a number, date or hidden field holds
/// in one format whatever the page's language (<c>43.2512</c>, <c>2026-12-07</c>), but MVC's own form
/// reader parses with the request's culture, and in Kazakh and Russian a decimal is written with a
/// comma: a map pin's <c>43.2512</c> did not bind at all on the kk and ru pages, and the point was
/// "required". People's typed text is bound as strings and is not affected.
/// </summary>
public sealed class InvariantFormValueProviderFactory : IValueProviderFactory
{
    public Task CreateValueProviderAsync(ValueProviderFactoryContext context)
    {
        var request = context.ActionContext.HttpContext.Request;
        return request.HasFormContentType ? AddAsync(context, request) : Task.CompletedTask;
    }

    private static async Task AddAsync(ValueProviderFactoryContext context, HttpRequest request)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(context.ActionContext.HttpContext.RequestAborted);
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException)
        {
            // As MVC's own reader does: a body that is not a readable form is the client's fault (400), not the server's.
            throw new ValueProviderException("The request's form could not be read.", exception);
        }
        context.ValueProviders.Add(new FormValueProvider(BindingSource.Form, form, CultureInfo.InvariantCulture));
    }

    /// <summary>Puts this reader where MVC's form reader was.</summary>
    public static void ReplaceIn(IList<IValueProviderFactory> factories)
    {
        var index = factories.IndexOf(factories.OfType<FormValueProviderFactory>().Single());
        factories[index] = new InvariantFormValueProviderFactory();
    }
}
