namespace Uchastok.Web.Shared.Web;

/// <summary>Reading what people type or send: names of choices, optional text.</summary>
public static class InputText
{
    /// <summary>A choice by its name, in any case; numbers are refused, so "3" is not taken for the fourth value.</summary>
    public static bool TryEnum<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || char.IsAsciiDigit(trimmed[0]) || trimmed[0] is '-' or '+') return false;
        return Enum.TryParse(trimmed, ignoreCase: true, out value) && Enum.IsDefined(value);
    }

    /// <summary>The text trimmed, or null when there is none.</summary>
    public static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
