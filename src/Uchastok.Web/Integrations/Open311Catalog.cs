using Microsoft.Extensions.Localization;
using Uchastok.Rules.Appeals;
using Uchastok.Rules.Integrations;
using Uchastok.Web.Appeals;

namespace Uchastok.Web.Integrations;

/// <summary>
/// The GeoReport services: one per active appeal category, named in the request's language, each
/// with the attributes of <see cref="Open311Attributes"/>. The service code is the category code.
/// </summary>
public sealed class Open311Catalog(AppealCatalog catalog, AppealText appealText, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>The area of police work each default category belongs to; a category an administrator adds falls under "other".</summary>
    private static readonly Dictionary<string, string> GroupByCategory = new(StringComparer.Ordinal)
    {
        ["public-order"] = "public-safety",
        ["noise"] = "public-safety",
        ["suspicious"] = "public-safety",
        ["drugs-alcohol"] = "public-safety",
        ["domestic"] = "family-and-minors",
        ["minors"] = "family-and-minors",
        ["road-safety"] = "roads",
        ["fraud"] = "property",
        ["theft"] = "property",
        ["animals"] = "animals",
        ["officer-conduct"] = "police-conduct",
        ["documents"] = "documents",
    };

    public async Task<IReadOnlyList<AppealCategory>> ActiveAsync(CancellationToken cancellationToken) =>
        (await catalog.CategoriesAsync(cancellationToken)).Where(c => c.IsActive).ToList();

    public async Task<AppealCategory?> FindAsync(string? serviceCode, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(serviceCode) ? null : (await ActiveAsync(cancellationToken)).FirstOrDefault(c => string.Equals(c.Code, serviceCode.Trim(), StringComparison.OrdinalIgnoreCase));

    public async Task<Open311Node> ServicesAsync(CancellationToken cancellationToken) =>
        Open311Node.List("services", (await ActiveAsync(cancellationToken)).Select(Service));

    private Open311Object Service(AppealCategory category) => Open311Node.Object("service",
        Open311Node.Value("service_code", category.Code),
        Open311Node.Value("service_name", appealText.Category(category)),
        Open311Node.Value("description", Translated($"Open311.Service.{category.Code}") ?? appealText.Category(category)),
        Open311Node.Value("metadata", true),
        Open311Node.Value("type", "realtime"),
        Open311Node.Value("keywords", Translated($"Open311.Keywords.{category.Code}") ?? appealText.Category(category)),
        Open311Node.Value("group", localizer[$"Open311.Group.{GroupByCategory.GetValueOrDefault(category.Code, "other")}"].Value));

    public static Open311Node Definition(AppealCategory category, IStringLocalizer localizer) => Open311Node.Object("service_definition",
        Open311Node.Value("service_code", category.Code),
        Open311Node.List("attributes", Open311Attributes.All.Select(a => Open311Node.Object("attribute",
            Open311Node.Value("variable", true),
            Open311Node.Value("code", a.Code),
            Open311Node.Value("datatype", a.Datatype.ToString().ToLowerInvariant()),
            Open311Node.Value("required", a.Required),
            Open311Node.Value("datatype_description", a.Values.Count == 0 ? localizer[$"Open311.Datatype.{a.Code}"].Value : null),
            Open311Node.Value("order", a.Order),
            Open311Node.Value("description", localizer[$"Open311.Attribute.{a.Code}"].Value),
            Open311Node.List("values", a.Values.Select(v => Open311Node.Object("value",
                Open311Node.Value("key", v),
                Open311Node.Value("name", ValueName(a.Code, v, localizer)))))))));

    private static string ValueName(string attribute, string key, IStringLocalizer localizer)
    {
        if (attribute == Open311Attributes.AppealKind)
        {
            var kind = Open311Attributes.KindKeys.First(k => k.Value == key).Key;
            return localizer[$"AppealKind.{kind}"];
        }
        return localizer[$"Open311.Value.{key}"];
    }

    private string? Translated(string key) => localizer[key] is { ResourceNotFound: false } found ? found.Value : null;
}
