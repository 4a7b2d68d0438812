using Uchastok.Rules.Appeals;

namespace Uchastok.Rules.Integrations;

/// <summary>
/// GeoReport v2 knows two statuses. An appeal is <c>open</c> while it waits for its decision
/// (registered, assigned, in progress, extended) and <c>closed</c> once it is decided: answered,
/// closed, forwarded to the competent body or left without consideration. A contested answer goes
/// back to the supervisor and so reads open again. The detailed state travels in the extended attributes.
/// </summary>
public static class Open311Status
{
    public const string Open = "open";
    public const string Closed = "closed";

    public static string For(AppealState state) => AppealLifecycle.IsOpen(state) ? Open : Closed;

    /// <summary>The appeal states a status filter stands for.</summary>
    public static IReadOnlyList<AppealState> States(string status) =>
        Enum.GetValues<AppealState>().Where(s => For(s) == status).ToList();
}
