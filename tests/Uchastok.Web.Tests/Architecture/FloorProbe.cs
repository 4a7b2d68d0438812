// A deliberate violation for ModuleFloorsTests: a type in Territory's namespace whose method body uses an Appeals entity.
namespace Uchastok.Web.Territory.FloorProbe;

internal static class TerritoryReachingUp
{
    public static string? NumberOf(object value) => value is Uchastok.Web.Appeals.Appeal appeal ? appeal.Number : null;
}
