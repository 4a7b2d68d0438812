using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Uchastok.Web.Tests.Architecture;

/// <summary>An entity of the EF model: its owning module and its table.</summary>
public sealed record OwnedEntity(string Owner, string Name, string Table);

/// <summary>One write found in the IL: <c>Module.Type.Method writes Owner.Entity (how)</c>.</summary>
public sealed record TableWrite(string Module, string Type, string Method, OwnedEntity Entity, string How)
{
    public bool CrossesModules => Module != Entity.Owner;

    public override string ToString() => $"{Module}.{Type}.{Method} writes {Entity.Owner}.{Entity.Name} ({How})";

    /// <summary>One line per method and entity, its ways of writing together: <c>… writes Accounts.PersonalDataAccess (DbSet.Add, sets AtUtc, sets Purpose)</c>.</summary>
    public static IReadOnlyList<string> Lines(IEnumerable<TableWrite> writes) =>
        writes.GroupBy(w => (w.Module, w.Type, w.Method, w.Entity))
            .Select(g => $"{g.Key.Module}.{g.Key.Type}.{g.Key.Method} writes {g.Key.Entity.Owner}.{g.Key.Entity.Name} ({string.Join(", ", g.Select(w => w.How).Distinct().Order(StringComparer.Ordinal))})")
            .Order(StringComparer.Ordinal).ToList();
}

/// <summary>
/// Reads the IL of an assembly with Mono.Cecil and lists every write into a table of the EF model:
/// <c>DbSet&lt;T&gt;</c> and <c>DbContext</c> Add/Update/Remove/Attach, <c>ExecuteUpdate</c>/<c>ExecuteDelete</c>
/// on a <c>T</c> query, entry state and property values, property setters and public fields of an entity
/// (object initialisers included), and string literals holding INSERT/UPDATE/DELETE on a known table.
/// A write found in a compiler-generated type (lambda, async state machine, local function, iterator)
/// is attributed to the type it is nested in and to the method it was written in.
/// </summary>
public sealed partial class TableWriteScanner
{
    private static readonly HashSet<string> SetWrites = ["Add", "AddAsync", "AddRange", "AddRangeAsync", "Update", "UpdateRange", "Remove", "RemoveRange", "Attach", "AttachRange"];
    private static readonly HashSet<string> BulkWrites = ["ExecuteUpdate", "ExecuteUpdateAsync", "ExecuteDelete", "ExecuteDeleteAsync"];
    /// <summary>Identity's managers write the user and role tables themselves; these are the methods that change a row.</summary>
    private static readonly string[] IdentityWritePrefixes =
        ["Create", "Update", "Delete", "Add", "Remove", "Replace", "Change", "Reset", "Confirm", "Set", "AccessFailed", "Redeem", "GenerateNewTwoFactorRecoveryCodes"];

    private readonly Dictionary<string, OwnedEntity> _entities;
    private readonly Dictionary<string, OwnedEntity> _tables;

    public TableWriteScanner(IEnumerable<(Type ClrType, string Table)> model)
    {
        _entities = [];
        _tables = new(StringComparer.OrdinalIgnoreCase);
        foreach (var (clrType, table) in model)
        {
            var entity = new OwnedEntity(OwnerOf(clrType, table), DisplayName(clrType), table);
            _entities[CecilName(clrType)] = entity;
            _tables[table] = entity;
        }
    }

    /// <summary>The entities of a DbContext's model; an entity mapped to no table (none today) is left out.</summary>
    public static TableWriteScanner For(DbContext db) =>
        new(db.Model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null && !e.HasSharedClrType)
            .Select(e => (e.ClrType, e.GetTableName()!)));

    public IReadOnlyCollection<OwnedEntity> Entities => _entities.Values;

    /// <summary>The module of a type: <c>Uchastok.Web.&lt;Module&gt;</c>; every <c>Uchastok.Web.Shared.*</c> (and <c>SharedResource</c>) is Shared; the host's <c>Program</c> is Host.</summary>
    public static string ModuleOf(string? @namespace, string typeName)
    {
        const string root = "Uchastok.Web";
        if (string.IsNullOrEmpty(@namespace)) return typeName == "Program" ? "Host" : "(global)";
        if (@namespace == root) return typeName == "SharedResource" ? "Shared" : "Host";
        if (!@namespace.StartsWith(root + ".", StringComparison.Ordinal)) return @namespace;
        var rest = @namespace[(root.Length + 1)..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    /// <summary>
    /// The owner is the module of the entity's CLR type. Identity's and Data Protection's own classes live in
    /// framework namespaces; their tables carry the owner's prefix (<c>accounts_</c>, <c>shared_</c>) instead.
    /// </summary>
    private static string OwnerOf(Type clrType, string table)
    {
        if (clrType.Namespace?.StartsWith("Uchastok.Web", StringComparison.Ordinal) == true)
            return ModuleOf(clrType.Namespace, clrType.Name);
        var prefix = table.Split('_')[0];
        return prefix.Length == 0 ? table : char.ToUpperInvariant(prefix[0]) + prefix[1..];
    }

    private static string DisplayName(Type type) =>
        type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(",", type.GetGenericArguments().Select(DisplayName))}>" : type.Name;

    /// <summary>The name Mono.Cecil gives a type (<c>/</c> for nesting, <c>&lt;…&gt;</c> for generic arguments).</summary>
    private static string CecilName(Type type) =>
        type.IsGenericType && !type.IsGenericTypeDefinition
            ? $"{type.GetGenericTypeDefinition().FullName!.Replace('+', '/')}<{string.Join(",", type.GetGenericArguments().Select(CecilName))}>"
            : type.FullName!.Replace('+', '/');

    public IReadOnlyList<TableWrite> Scan(AssemblyDefinition assembly, Func<TypeDefinition, bool>? include = null)
    {
        var writes = new List<TableWrite>();
        foreach (var type in assembly.MainModule.GetTypes())
        {
            var outer = OutermostType(type);
            if (include is not null && !include(outer)) continue;
            foreach (var method in type.Methods.Where(m => m.HasBody))
                writes.AddRange(ScanMethod(outer, type, method));
        }
        return writes.Distinct().OrderBy(w => w.ToString(), StringComparer.Ordinal).ToList();
    }

    private IEnumerable<TableWrite> ScanMethod(TypeDefinition outer, TypeDefinition declaring, MethodDefinition method)
    {
        var module = ModuleOf(outer.Namespace, outer.Name);
        var typeName = TypeName(outer, declaring);
        var methodName = SourceMethodName(declaring, method);
        TableWrite At(OwnedEntity entity, string how) => new(module, typeName, methodName, entity, how);

        foreach (var instruction in method.Body.Instructions)
        {
            if (instruction.OpCode == OpCodes.Ldstr)
            {
                foreach (var (entity, statement) in SqlWrites((string)instruction.Operand))
                    yield return At(entity, $"SQL {statement}");
                continue;
            }
            if (instruction.OpCode == OpCodes.Stfld && instruction.Operand is FieldReference field
                && Entity(field.DeclaringType) is { } fieldOwner && !IsInside(declaring, field.DeclaringType))
            {
                yield return At(fieldOwner, $"sets field {field.Name}");
                continue;
            }
            if (instruction.Operand is not MethodReference called) continue;
            if (instruction.OpCode != OpCodes.Call && instruction.OpCode != OpCodes.Callvirt && instruction.OpCode != OpCodes.Newobj) continue;

            if (Classify(called, instruction) is { } write)
                yield return At(write.Entity, write.How);
            else if (called.Name.StartsWith("set_", StringComparison.Ordinal) && instruction.OpCode != OpCodes.Newobj
                     && Entity(called.DeclaringType) is { } owner && !IsInside(declaring, called.DeclaringType))
                yield return At(owner, $"sets {called.Name[4..]}");
        }
    }

    private (OwnedEntity Entity, string How)? Classify(MethodReference called, Instruction at)
    {
        var declaringName = called.DeclaringType.GetElementType().FullName;
        switch (declaringName)
        {
            case "Microsoft.EntityFrameworkCore.DbSet`1" when SetWrites.Contains(called.Name):
                return Entity(GenericArgument(called.DeclaringType)) is { } e ? (e, $"DbSet.{called.Name}") : null;
            case "Microsoft.EntityFrameworkCore.DbContext" when SetWrites.Contains(called.Name):
                if (called is GenericInstanceMethod generic)
                    return Entity(generic.GenericArguments[0]) is { } g ? (g, $"DbContext.{called.Name}") : null;
                // Add(object): the entity's type is the static type of the value pushed just before the call.
                return Entity(PushedType(at.Previous)) is { } o ? (o, $"DbContext.{called.Name}") : null;
            case "Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry" when called.Name == "set_State":
                // db.Entry(x).State = …: the entry (an EntityEntry<T>) was pushed just before the new state.
                return Entity(GenericArgument(PushedType(at.Previous?.Previous))) is { } s ? (s, "Entry.State") : null;
            case "Microsoft.EntityFrameworkCore.ChangeTracking.PropertyEntry`2" when called.Name is "set_CurrentValue" or "set_IsModified":
                return Entity(GenericArgument(called.DeclaringType)) is { } p ? (p, $"Entry.Property.{called.Name[4..]}") : null;
            case "Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder`1" when called.Name == "SetProperty":
                return Entity(GenericArgument(called.DeclaringType)) is { } u ? (u, "ExecuteUpdate") : null;
            case "Microsoft.AspNetCore.Identity.UserManager`1" or "Microsoft.AspNetCore.Identity.RoleManager`1"
                when IdentityWritePrefixes.Any(p => called.Name.StartsWith(p, StringComparison.Ordinal)):
                return Entity(GenericArgument(called.DeclaringType)) is { } i ? (i, $"{called.DeclaringType.Name.Split('`')[0]}.{called.Name}") : null;
        }
        if (BulkWrites.Contains(called.Name) && called is GenericInstanceMethod bulk
            && declaringName.StartsWith("Microsoft.EntityFrameworkCore.", StringComparison.Ordinal))
            return Entity(bulk.GenericArguments[0]) is { } b ? (b, called.Name.Replace("Async", "", StringComparison.Ordinal)) : null;
        return null;
    }

    private IEnumerable<(OwnedEntity Entity, string Statement)> SqlWrites(string text)
    {
        foreach (Match match in SqlWrite().Matches(text))
            if (_tables.TryGetValue(match.Groups["table"].Value, out var entity))
                yield return (entity, Regex.Replace(match.Groups["verb"].Value.ToUpperInvariant(), @"\s+", " "));
    }

    [GeneratedRegex("""\b(?<verb>insert\s+into|update|delete\s+from)\s+"?(?<table>[a-z_][a-z0-9_]*)"?""", RegexOptions.IgnoreCase)]
    private static partial Regex SqlWrite();

    private OwnedEntity? Entity(TypeReference? type) =>
        type is not null && _entities.TryGetValue(type.FullName, out var entity) ? entity : null;

    private static TypeReference? GenericArgument(TypeReference? type) =>
        type is GenericInstanceType generic && generic.GenericArguments.Count > 0 ? generic.GenericArguments[0] : null;

    /// <summary>The static type of the value an instruction pushes, for the common cases before <c>Add(object)</c>.</summary>
    private static TypeReference? PushedType(Instruction? instruction)
    {
        if (instruction is null) return null;
        return instruction.Operand switch
        {
            MethodReference m when instruction.OpCode == OpCodes.Newobj => m.DeclaringType,
            MethodReference m => ReturnTypeOf(m),
            FieldReference f => f.FieldType,
            VariableDefinition v => v.VariableType,
            ParameterDefinition p => p.ParameterType,
            _ => null,
        };
    }

    /// <summary>The return type with the method's own type arguments filled in: <c>Entry&lt;T&gt;</c> returns <c>EntityEntry&lt;T&gt;</c>, not <c>EntityEntry&lt;!!0&gt;</c>.</summary>
    private static TypeReference ReturnTypeOf(MethodReference method)
    {
        TypeReference Fill(TypeReference type) => type switch
        {
            GenericParameter { Type: GenericParameterType.Method } p when method is GenericInstanceMethod m => m.GenericArguments[p.Position],
            GenericParameter { Type: GenericParameterType.Type } p when method.DeclaringType is GenericInstanceType d => d.GenericArguments[p.Position],
            GenericInstanceType g => Filled(g),
            _ => type,
        };
        GenericInstanceType Filled(GenericInstanceType generic)
        {
            var filled = new GenericInstanceType(generic.ElementType);
            foreach (var argument in generic.GenericArguments) filled.GenericArguments.Add(Fill(argument));
            return filled;
        }
        return Fill(method.ReturnType);
    }

    /// <summary>An entity may set its own properties (a method on the entity itself).</summary>
    private static bool IsInside(TypeDefinition declaring, TypeReference entity)
    {
        for (var t = declaring; t is not null; t = t.DeclaringType)
            if (t.FullName == entity.FullName) return true;
        return false;
    }

    private static TypeDefinition OutermostType(TypeDefinition type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type;
    }

    /// <summary>The outer type, with any nested type that a person wrote (not a compiler's <c>&lt;…&gt;</c> one).</summary>
    private static string TypeName(TypeDefinition outer, TypeDefinition declaring)
    {
        var names = new List<string>();
        for (var t = declaring; t is not null; t = t.DeclaringType)
            if (!t.Name.StartsWith('<')) names.Insert(0, StripArity(t.Name));
        return names.Count == 0 ? StripArity(outer.Name) : string.Join(".", names);
    }

    private static string StripArity(string name) => name.Split('`')[0];

    /// <summary>
    /// The method as written: <c>&lt;FileAsync&gt;d__4.MoveNext</c> (async), <c>&lt;FileAsync&gt;b__4_0</c> (lambda),
    /// <c>&lt;FileAsync&gt;g__Local|4_0</c> (local function) all count for <c>FileAsync</c>.
    /// </summary>
    private static string SourceMethodName(TypeDefinition declaring, MethodDefinition method)
    {
        if (SourceName(method.Name) is { } fromMethod) return fromMethod;
        for (var t = declaring; t is not null; t = t.DeclaringType)
            if (SourceName(t.Name) is { } fromType) return fromType;
        return method.Name;
    }

    private static string? SourceName(string compilerName)
    {
        var match = CompilerName().Match(compilerName);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex("<([^<>]+)>")]
    private static partial Regex CompilerName();
}
