namespace Uchastok.Web.Shared.Web;

/// <summary>
/// What every module's jobs and links need: whether background jobs run, and the site's public address.
/// They are read from section <c>Notifications</c> (<c>Notifications__Background</c>, <c>Notifications__PublicUrl</c>),
/// where they were first kept, so deployments keep their keys; modules below Notifications take this type.
/// </summary>
public class SiteSettings
{
    /// <summary>Run the dispatcher and the periodic jobs in the background; tests run them by hand instead.</summary>
    public bool Background { get; set; } = true;
    /// <summary>The site's address as residents reach it, for links in messages.</summary>
    public string PublicUrl { get; set; } = "http://127.0.0.1:5080";
}
