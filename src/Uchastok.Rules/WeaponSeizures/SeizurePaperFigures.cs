namespace Uchastok.Rules.WeaponSeizures;

/// <summary>
/// The paper's own figures for the first quarter of 2024 (seed 000_182859c6d01838d1.txt): the counts by category
/// (L6427–6431: 268 weapons — 38 Kalashnikov rifles, 126 hunting guns, 104 pistols — 21 grenades, 4 explosive devices,
/// 30,199 rounds; the equipment of L6431–6433 without numbers) and the facts by region (L6435–6439). The paper gives
/// no cross-table of region by category: its regions count facts (cases), its categories count items. The dashboard
/// shows this beside the platform's own table of the same layout, as the reference the table reproduces.
/// </summary>
public static class SeizurePaperFigures
{
    public const string Quarter = "2024-Q1";

    public static readonly IReadOnlyDictionary<string, int> ItemsByCategory = new Dictionary<string, int>
    {
        [SeizureCategories.AutomaticRifle] = 38,
        [SeizureCategories.HuntingGun] = 126,
        [SeizureCategories.Pistol] = 104,
        [SeizureCategories.Grenade] = 21,
        [SeizureCategories.ExplosiveDevice] = 4,
        [SeizureCategories.Ammunition] = 30199,
    };

    /// <summary>Facts (cases) by region, in the paper's order and its Russian names.</summary>
    public static readonly IReadOnlyList<(string Region, int Facts)> FactsByRegion =
    [
        ("г. Алматы", 4), ("Жамбылская обл.", 4), ("Алматинская обл.", 3), ("СКО", 3), ("Жетысуская обл.", 2),
        ("г. Байконыр", 1), ("г. Костанай", 1), ("г. Семей", 1), ("г. Усть-Каменогорск", 1), ("Актюбинская обл.", 1), ("Павлодарская обл.", 1),
    ];
}
