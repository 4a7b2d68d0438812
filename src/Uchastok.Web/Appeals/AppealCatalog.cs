using Microsoft.EntityFrameworkCore;
using Uchastok.Rules.Appeals;
using Uchastok.Web.Shared.Data;

namespace Uchastok.Web.Appeals;

/// <summary>
/// The appeal reference data every filing reads: categories and the term of each kind, held in
/// memory (see <see cref="ReloadingCache{T}"/>) and seeded on first start with the defaults.
/// </summary>
public sealed class AppealCatalog(IServiceScopeFactory scopes, TimeProvider clock)
{
    private readonly ReloadingCache<Snapshot> _cache = new(scopes, clock, TimeSpan.FromMinutes(1), async (db, cancellationToken) =>
    {
        var categories = await db.AppealCategories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var kinds = await db.AppealKindSettings.AsNoTracking().ToDictionaryAsync(k => k.Kind, k => k.WorkingDays, cancellationToken);
        return new Snapshot(categories, AppealDeadlinePolicy.Default with { WorkingDaysByKind = kinds });
    });

    public async Task<IReadOnlyList<AppealCategory>> CategoriesAsync(CancellationToken cancellationToken = default) => (await _cache.GetAsync(cancellationToken)).Categories;

    public async Task<AppealDeadlinePolicy> PolicyAsync(CancellationToken cancellationToken = default) => (await _cache.GetAsync(cancellationToken)).Policy;

    public void Invalidate() => _cache.Invalidate();

    public sealed record Snapshot(IReadOnlyList<AppealCategory> Categories, AppealDeadlinePolicy Policy);

    /// <summary>Categories residents start with; administrators change the list afterwards.</summary>
    public static readonly (string Code, string Kk, string Ru, string En)[] DefaultCategories =
    [
        ("public-order", "Қоғамдық тәртіп бұзу", "Нарушение общественного порядка", "Breach of public order"),
        ("noise", "Шу, тыныштықты бұзу", "Шум, нарушение тишины", "Noise, disturbing the peace"),
        ("domestic", "Тұрмыстық жанжал", "Бытовой конфликт", "Domestic conflict"),
        ("road-safety", "Жол қауіпсіздігі, көлік тұрағы", "Безопасность дорожного движения, парковка", "Road safety and parking"),
        ("suspicious", "Күдікті адамдар немесе әрекет", "Подозрительные лица или действия", "Suspicious persons or activity"),
        ("drugs-alcohol", "Есірткі, алкоголь", "Наркотики, алкоголь", "Drugs and alcohol"),
        ("fraud", "Алаяқтық", "Мошенничество", "Fraud"),
        ("theft", "Ұрлық, мүлікті бүлдіру", "Кража, порча имущества", "Theft or damage to property"),
        ("animals", "Иесіз немесе қауіпті жануарлар", "Безнадзорные или опасные животные", "Stray or dangerous animals"),
        ("minors", "Кәмелетке толмағандар", "Несовершеннолетние", "Minors at risk"),
        ("officer-conduct", "Полиция қызметкерінің әрекеті", "Действия сотрудника полиции", "Conduct of a police officer"),
        ("documents", "Анықтамалар мен құжаттар", "Справки и документы", "Certificates and documents"),
        ("other", "Басқа", "Другое", "Other"),
    ];

    /// <summary>Categories whose appeals no public list shows (see <see cref="AppealCategory.IsSensitive"/>); administrators may flag others.</summary>
    public static readonly string[] SensitiveByDefault = ["domestic", "minors"];

    /// <summary>Adds the default categories and kind terms when there are none; never overwrites an administrator's edits.</summary>
    public static async Task SeedAsync(UchastokDbContext db, CancellationToken cancellationToken = default)
    {
        if (!await db.AppealCategories.AnyAsync(cancellationToken))
        {
            db.AppealCategories.AddRange(DefaultCategories.Select((c, i) => new AppealCategory
            {
                Code = c.Code, NameKk = c.Kk, NameRu = c.Ru, NameEn = c.En, SortOrder = (i + 1) * 10, IsSensitive = SensitiveByDefault.Contains(c.Code),
            }));
        }
        var kinds = await db.AppealKindSettings.Select(k => k.Kind).ToListAsync(cancellationToken);
        foreach (var kind in Enum.GetValues<AppealKind>().Except(kinds))
            db.AppealKindSettings.Add(new AppealKindSetting { Kind = kind, WorkingDays = AppealDeadlinePolicy.Default.DefaultWorkingDays });
        await db.SaveChangesAsync(cancellationToken);
    }
}
