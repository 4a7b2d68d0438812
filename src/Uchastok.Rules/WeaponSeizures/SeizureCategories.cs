namespace Uchastok.Rules.WeaponSeizures;

/// <summary>The fields a seized item may carry, by their API names (camelCase, as in the JSON body and the form).</summary>
public static class SeizureItemFields
{
    public const string Type = "type";
    public const string Make = "make";
    public const string Model = "model";
    public const string Calibre = "calibre";
    public const string Series = "series";
    public const string Number = "number";
    public const string Count = "count";

    /// <summary>The text fields, in the order a form shows them.</summary>
    public static readonly string[] Texts = [Type, Make, Model, Calibre, Series, Number];
}

/// <summary>One category of the paper's list, with its names and the fields a seized item of it must have.</summary>
/// <param name="Firearm">A firearm is one item per row (its own series and number), so its count is always 1.</param>
public sealed record SeizureCategory(string Code, string NameKk, string NameRu, string NameEn, bool Firearm, IReadOnlyList<string> Required);

/// <summary>
/// The categories of seized items as Myrzagulov's paper lists them (seed 000_182859c6d01838d1.txt L6427–6433):
/// «38 автоматов системы Калашникова, 126 охотничьих ружей, 104 пистолета, 21 граната, 4 взрывных устройства,
/// 30199 боеприпасов различного калибра, а также бронежилеты, защитные шлемы, наручники, магазины от автоматов,
/// щиты и радиостанции». The order is the paper's, and the dashboard's columns follow it.
/// </summary>
public static class SeizureCategories
{
    public const string AutomaticRifle = "automatic-rifle";
    public const string HuntingGun = "hunting-gun";
    public const string Pistol = "pistol";
    public const string Grenade = "grenade";
    public const string ExplosiveDevice = "explosive-device";
    public const string Ammunition = "ammunition";

    /// <summary>
    /// What each category requires. A firearm: type, make, model, calibre, series and number — what identifies one weapon
    /// and what a protocol of seizure names (CoAO art. 791 p. 10, SEED-NOTES C17/C18). Ammunition: count and calibre (the
    /// paper counts rounds «различного калибра»). Grenades and explosive devices: their type and how many, as their
    /// handling differs by type. The protective and other equipment: how many.
    /// </summary>
    public static readonly IReadOnlyList<SeizureCategory> All =
    [
        Firearm(AutomaticRifle, "Автомат", "Автомат", "Automatic rifle"),
        Firearm(HuntingGun, "Аңшылық мылтық", "Охотничье ружьё", "Hunting gun"),
        Firearm(Pistol, "Тапанша", "Пистолет", "Pistol"),
        new(Grenade, "Граната", "Граната", "Grenade", false, [SeizureItemFields.Type, SeizureItemFields.Count]),
        new(ExplosiveDevice, "Жарылғыш құрылғы", "Взрывное устройство", "Explosive device", false, [SeizureItemFields.Type, SeizureItemFields.Count]),
        new(Ammunition, "Оқ-дәрі", "Боеприпасы", "Ammunition", false, [SeizureItemFields.Count, SeizureItemFields.Calibre]),
        Counted("body-armour", "Оқ өтпейтін кеудеше", "Бронежилет", "Body armour"),
        Counted("helmet", "Қорғаныш дулыға", "Защитный шлем", "Helmet"),
        Counted("handcuffs", "Кісен", "Наручники", "Handcuffs"),
        Counted("magazine", "Автомат магазині", "Магазин от автомата", "Rifle magazine"),
        Counted("shield", "Қалқан", "Щит", "Shield"),
        Counted("radio", "Радиостанция", "Радиостанция", "Radio"),
    ];

    private static readonly Dictionary<string, SeizureCategory> ByCode = All.ToDictionary(c => c.Code, StringComparer.Ordinal);

    /// <summary>The category of an API name; names only, exactly as listed (no numbers, no other case).</summary>
    public static SeizureCategory? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var found) ? found : null;

    public static bool IsFirearm(string code) => Find(code)?.Firearm == true;

    private static SeizureCategory Firearm(string code, string kk, string ru, string en) =>
        new(code, kk, ru, en, true, [SeizureItemFields.Type, SeizureItemFields.Make, SeizureItemFields.Model, SeizureItemFields.Calibre, SeizureItemFields.Series, SeizureItemFields.Number]);

    private static SeizureCategory Counted(string code, string kk, string ru, string en) => new(code, kk, ru, en, false, [SeizureItemFields.Count]);
}
