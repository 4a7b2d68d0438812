using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using LoadedArchitecture = ArchUnitNET.Domain.Architecture;

namespace Uchastok.Web.Tests.Architecture;

/// <summary>
/// The floors the modules stand on (src/Uchastok.Web/README.md): a type may use types of its own module and of
/// modules on lower floors, never of its floor's other modules or of a higher floor. So the graph has no cycle,
/// and a new module finds its place by what it needs.
/// </summary>
public static class ModuleFloors
{
    public static readonly IReadOnlyDictionary<string, int> Floor = new Dictionary<string, int>
    {
        ["Shared"] = 0,
        ["Calendar"] = 1, ["Territory"] = 1,
        ["Accounts"] = 2,
        ["Notifications"] = 3,
        ["Appeals"] = 4,
        ["BeatDesign"] = 5, ["Community"] = 5, ["Trust"] = 5, ["Integrations"] = 5, ["Prevention"] = 5, ["Protocols"] = 5,
        ["Transparency"] = 6, ["Evaluation"] = 6, ["Safety"] = 6,
        ["WeaponSeizures"] = 6,
        ["CrimeAnalytics"] = 6,
        ["PatrolPlanning"] = 6,
        ["Weapons"] = 6,
        ["Demo"] = 7,
        ["Pages"] = 8,
        ["Host"] = 9,
    };

    /// <summary>
    /// The one DbContext names every module's entities to build the one model (ADR 0002); it is the exception,
    /// as the host is. Generated migrations only name tables.
    /// </summary>
    private static readonly HashSet<string> ModelComposition =
        ["Uchastok.Web.Shared.Data.UchastokDbContext", "Uchastok.Web.Shared.Data.SqliteUchastokDbContext", "Uchastok.Web.Shared.Data.PostgresUchastokDbContext"];

    /// <summary>The module of a type by its namespace, or null for code the compiler or a generator wrote.</summary>
    public static string? ModuleOf(IType type)
    {
        var ns = type.Namespace?.FullName ?? string.Empty;
        var name = type.FullName;
        if (ns.Length == 0) return name.StartsWith("Program", StringComparison.Ordinal) ? "Host" : null;
        if (ns == "AspNetCoreGeneratedDocument") return "Pages";
        if (ns == "Uchastok.Web") return name == "Uchastok.Web.SharedResource" ? "Shared" : "Host";
        if (!ns.StartsWith("Uchastok.Web.", StringComparison.Ordinal)) return null;
        var first = ns["Uchastok.Web.".Length..].Split('.')[0];
        return first;
    }

    public sealed record Violation(string From, string To, string FromType, string ToType)
    {
        public override string ToString() => $"{From} -> {To}: {FromType} uses {ToType}";
    }

    /// <summary>Every use of a type of a module the user's floor does not allow, and every module the table does not know.</summary>
    public static IReadOnlyList<Violation> Check(LoadedArchitecture architecture, Func<IType, bool>? only = null)
    {
        var found = new List<Violation>();
        foreach (var type in architecture.Types)
        {
            if (only is not null && !only(type)) continue;
            if (ModelComposition.Contains(OuterMost(type).FullName) || type.FullName.Contains(".Migrations.", StringComparison.Ordinal)) continue;
            if (ModuleOf(type) is not { } from) continue;
            foreach (var dependency in type.Dependencies)
            {
                var target = dependency.Target;
                if (ModuleOf(target) is not { } to || to == from) continue;
                if (!Floor.TryGetValue(from, out var fromFloor) || !Floor.TryGetValue(to, out var toFloor) || toFloor >= fromFloor)
                    found.Add(new(from, to, OuterMost(type).FullName, OuterMost(target).FullName));
            }
        }
        return found.Distinct().OrderBy(v => v.ToString(), StringComparer.Ordinal).ToList();
    }

    public static LoadedArchitecture Load(params System.Reflection.Assembly[] assemblies) =>
        new ArchLoader().LoadAssemblies(assemblies).Build();

    /// <summary>Lambdas and async methods compile to nested types; they count for the type that wrote them.</summary>
    private static IType OuterMost(IType type)
    {
        while (type is Class { } nested && nested.FullName.Contains('+') && FindDeclaring(nested) is { } outer) type = outer;
        return type;
    }

    private static IType? FindDeclaring(IType nested)
    {
        var name = nested.FullName;
        var cut = name.LastIndexOf('+');
        if (cut < 0) return null;
        return nested.Namespace?.Types.FirstOrDefault(t => t.FullName == name[..cut]);
    }
}
