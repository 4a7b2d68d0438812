using System.Globalization;

namespace Uchastok.Web.Shared.Localization;

/// <summary>What the shell commands (<c>beats …</c>, <c>backup</c>, <c>restore</c>) share: the value of an option, and the shell's language.</summary>
public static class CommandLineOptions
{
    /// <summary>The word after <paramref name="name"/>, or null when the option is absent or has no value.</summary>
    public static string? Value(string[] options, string name)
    {
        var index = Array.IndexOf(options, name);
        return index >= 0 && index + 1 < options.Length ? options[index + 1] : null;
    }

    /// <summary>The command line speaks the language of the shell's LANG (kk, ru or en).</summary>
    public static void UseShellLanguage()
    {
        var lang = Environment.GetEnvironmentVariable("LANG") ?? "en";
        lang = lang.Length >= 2 ? lang[..2] : "en";
        var culture = new CultureInfo(lang is "kk" or "ru" ? lang : "en");
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }
}
