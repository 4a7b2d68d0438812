using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Prevention;

/// <summary>
/// The categories of the preventive register over the API: staff read them, administrators add and change them,
/// every refusal is a 400 naming its field in the caller's language and writes nothing.
/// </summary>
public sealed class PreventionCategoryTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    private const string Path = "/api/v1/prevention/categories";

    private static string NewCode() => "cat-" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>A complete category as an administrator would send it.</summary>
    private static Dictionary<string, object?> Valid(string code) => new()
    {
        ["code"] = code,
        ["nameKk"] = "Шартты түрде мерзімінен бұрын босатылғандар",
        ["nameRu"] = "Условно-досрочно освобождённые",
        ["nameEn"] = "Released on parole",
        ["legalBasis"] = "Закон РК от 9 июля 2004 года № 271-IV «О профилактике правонарушений», ст. 23",
        ["visitIntervalCount"] = 1,
        ["visitIntervalUnit"] = "Months",
        ["retentionCount"] = 5,
        ["retentionUnit"] = "Years",
        ["juvenile"] = false,
        ["domesticViolenceOffender"] = true,
        ["healthRelated"] = false,
        ["isActive"] = true,
        ["sortOrder"] = 10,
    };

    private async Task<JsonElement> CreateAsync(string code)
    {
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        var response = await admin.PostAsJsonAsync(Path, Valid(code));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.JsonAsync();
    }

    private async Task<List<JsonElement>> ListAsync(string who = "inspector1@demo.kz")
    {
        using var client = await factory.SignedInAsync(who);
        var response = await client.GetAsync(Path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).EnumerateArray().ToList();
    }

    [Fact]
    public async Task Create_AsAdministrator_IsReadBackByStaffWithEveryField()
    {
        var code = NewCode();
        var created = await CreateAsync(code);

        foreach (var who in new[] { "inspector1@demo.kz", "supervisor.almaly@demo.kz" })
        {
            var listed = (await ListAsync(who)).Single(c => c.GetProperty("code").GetString() == code);
            Assert.Equal(created.GetProperty("id").GetInt32(), listed.GetProperty("id").GetInt32());
            Assert.Equal("Условно-досрочно освобождённые", listed.GetProperty("nameRu").GetString());
            Assert.Equal("Шартты түрде мерзімінен бұрын босатылғандар", listed.GetProperty("nameKk").GetString());
            Assert.Equal("Released on parole", listed.GetProperty("nameEn").GetString());
            Assert.Contains("№ 271-IV", listed.GetProperty("legalBasis").GetString());
            Assert.Equal(1, listed.GetProperty("visitIntervalCount").GetInt32());
            Assert.Equal("Months", listed.GetProperty("visitIntervalUnit").GetString());
            Assert.Equal(5, listed.GetProperty("retentionCount").GetInt32());
            Assert.Equal("Years", listed.GetProperty("retentionUnit").GetString());
            Assert.False(listed.GetProperty("juvenile").GetBoolean());
            Assert.True(listed.GetProperty("domesticViolenceOffender").GetBoolean());
            Assert.False(listed.GetProperty("healthRelated").GetBoolean());
            Assert.True(listed.GetProperty("isActive").GetBoolean());
            Assert.Equal(10, listed.GetProperty("sortOrder").GetInt32());
        }
    }

    [Fact]
    public async Task Update_AsAdministrator_ChangesPeriodsFlagsAndActive()
    {
        var code = NewCode();
        var id = (await CreateAsync(code)).GetProperty("id").GetInt32();
        var body = Valid(code.ToUpperInvariant());
        body["visitIntervalCount"] = 2;
        body["visitIntervalUnit"] = "weeks";
        body["retentionCount"] = 36;
        body["retentionUnit"] = "Months";
        body["juvenile"] = true;
        body["healthRelated"] = true;
        body["isActive"] = false;
        using var admin = await factory.SignedInAsync("admin@demo.kz");

        var response = await admin.PutAsJsonAsync($"{Path}/{id}", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var listed = (await ListAsync()).Single(c => c.GetProperty("id").GetInt32() == id);
        Assert.Equal(code, listed.GetProperty("code").GetString());
        Assert.Equal(2, listed.GetProperty("visitIntervalCount").GetInt32());
        Assert.Equal("Weeks", listed.GetProperty("visitIntervalUnit").GetString());
        Assert.Equal(36, listed.GetProperty("retentionCount").GetInt32());
        Assert.Equal("Months", listed.GetProperty("retentionUnit").GetString());
        Assert.True(listed.GetProperty("juvenile").GetBoolean());
        Assert.True(listed.GetProperty("healthRelated").GetBoolean());
        Assert.False(listed.GetProperty("isActive").GetBoolean());
    }

    /// <summary>Each refusal: the field the problem names, and that field's label in Russian and Kazakh.</summary>
    public static TheoryData<string, string, string, string> Refusals => new()
    {
        // case, field spoiled, its value as JSON, "field in the problem|Russian label|Kazakh label"
        { "missing code", "code", "null", "code|Код|Код" },
        { "code with spaces", "code", "\"parole list\"", "code|Код|Код" },
        { "code too long", "code", "\"" + new string('a', 41) + "\"", "code|Код|Код" },
        { "missing legal basis", "legalBasis", "\"  \"", "legalBasis|Правовое основание|Құқықтық негіз" },
        { "legal basis too long", "legalBasis", "\"" + new string('x', 2001) + "\"", "legalBasis|Правовое основание|Құқықтық негіз" },
        { "missing visit count", "visitIntervalCount", "null", "visitInterval|Периодичность посещений|Бару кезеңділігі" },
        { "missing visit unit", "visitIntervalUnit", "null", "visitInterval|Периодичность посещений|Бару кезеңділігі" },
        { "unknown visit unit", "visitIntervalUnit", "\"fortnights\"", "visitInterval|Периодичность посещений|Бару кезеңділігі" },
        { "zero visit count", "visitIntervalCount", "0", "visitInterval|Периодичность посещений|Бару кезеңділігі" },
        { "missing retention", "retentionCount", "null", "retentionPeriod|Срок хранения после снятия с учёта|Есептен шығарылғаннан кейін сақтау мерзімі" },
        { "retention over a hundred years", "retentionCount", "101", "retentionPeriod|Срок хранения после снятия с учёта|Есептен шығарылғаннан кейін сақтау мерзімі" },
        { "missing Kazakh name", "nameKk", "\"\"", "nameKk|Название на казахском|Қазақша атауы" },
        { "missing Russian name", "nameRu", "null", "nameRu|Название на русском|Орысша атауы" },
        { "missing English name", "nameEn", "null", "nameEn|Название на английском|Ағылшынша атауы" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Save_InvalidField_Returns400NamingTheFieldInRussianAndKazakh_AndChangesNothing(string @case, string spoiled, string value, string expected)
    {
        Assert.NotEmpty(@case);
        var parts = expected.Split('|');
        var (field, russian, kazakh) = (parts[0], parts[1], parts[2]);
        var existingCode = NewCode();
        var existing = await CreateAsync(existingCode);
        var id = existing.GetProperty("id").GetInt32();

        foreach (var (language, label) in new[] { ("ru", russian), ("kk", kazakh) })
        {
            using var admin = await factory.SignedInAsync("admin@demo.kz", language: language);
            var newCode = NewCode();
            var added = Valid(newCode);
            added[spoiled] = JsonSerializer.Deserialize<JsonElement>(value);
            var changed = Valid(existingCode);
            changed[spoiled] = JsonSerializer.Deserialize<JsonElement>(value);
            changed["nameEn"] = spoiled == "nameEn" ? changed["nameEn"] : "Renamed";

            foreach (var response in new[] { await admin.PostAsJsonAsync(Path, added), await admin.PutAsJsonAsync($"{Path}/{id}", changed) })
            {
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                var errors = (await response.JsonAsync()).GetProperty("errors");
                var message = Assert.Single(errors.EnumerateObject(), e => e.Name == field).Value.EnumerateArray().Single().GetString();
                Assert.StartsWith(label + ":", message);
            }

            var list = await ListAsync();
            Assert.DoesNotContain(list, c => c.GetProperty("code").GetString() == newCode);
            var after = list.Single(c => c.GetProperty("id").GetInt32() == id);
            Assert.Equal(existing.GetRawText(), after.GetRawText());
        }
    }

    [Fact]
    public async Task Create_DuplicateCode_IsAFieldErrorOnCode_AndAddsNothing()
    {
        var code = NewCode();
        await CreateAsync(code);
        using var admin = await factory.SignedInAsync("admin@demo.kz", language: "ru");

        // The code is compared as stored: trimmed and lower-case.
        var response = await admin.PostAsJsonAsync(Path, Valid("  " + code.ToUpperInvariant()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Equal("Категория с таким кодом уже есть.", errors.GetProperty("code")[0].GetString());
        Assert.Single(await ListAsync(), c => c.GetProperty("code").GetString() == code);
    }

    [Fact]
    public async Task Update_ToAnotherCategorysCode_IsAFieldErrorInKazakh_AndChangesNothing()
    {
        var taken = NewCode();
        await CreateAsync(taken);
        var mine = await CreateAsync(NewCode());
        var id = mine.GetProperty("id").GetInt32();
        using var admin = await factory.SignedInAsync("admin@demo.kz", language: "kk");

        var response = await admin.PutAsJsonAsync($"{Path}/{id}", Valid(taken));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Мұндай коды бар санат бар.", (await response.JsonAsync()).GetProperty("errors").GetProperty("code")[0].GetString());
        Assert.Equal(mine.GetRawText(), (await ListAsync()).Single(c => c.GetProperty("id").GetInt32() == id).GetRawText());
    }

    [Fact]
    public async Task Update_UnknownCategory_Returns404()
    {
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        var response = await admin.PutAsJsonAsync($"{Path}/987654", Valid(NewCode()));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
