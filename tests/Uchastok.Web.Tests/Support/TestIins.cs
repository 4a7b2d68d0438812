using Uchastok.Rules.Identity;

namespace Uchastok.Web.Tests.Support;

/// <summary>Valid IINs no other test uses: a fixed birth date and sex digit, a random serial, the check digit computed.</summary>
public static class TestIins
{
    public static string New()
    {
        while (true)
        {
            var first = $"870615{Random.Shared.Next(3, 5)}{Random.Shared.Next(0, 10000):D4}";
            if (Iin.CheckDigit(first) is { } check) return first + check;
        }
    }
}
