namespace Uchastok.Web.Shared.Web;

/// <summary>Field-level problems in the user's language, keyed by the input's name (camelCase, as in the JSON API).</summary>
public sealed class FieldErrors : Dictionary<string, string[]>
{
    public void Add(string field, string message) =>
        this[field] = TryGetValue(field, out var existing) ? [.. existing, message] : [message];
}
