namespace Uchastok.Rules.Territory.DemoCity;

/// <summary>A generated officer: Cyrillic name parts as they would appear in a personnel file.</summary>
public sealed record PersonName(string Surname, string GivenName, string Patronymic)
{
    public string Full => $"{Surname} {GivenName} {Patronymic}".Trim();
}

/// <summary>Kazakh and Russian names for generated demo officers.</summary>
public static class DemoPeople
{
    private static readonly string[] KazakhMaleGiven =
        ["Ерлан", "Нурлан", "Асхат", "Бауыржан", "Даурен", "Ержан", "Арман", "Марат", "Серик", "Канат", "Айдос", "Бекзат", "Жандос", "Мирас", "Алмас", "Дамир", "Руслан", "Талгат", "Ерболат", "Нуржан", "Азамат", "Санжар", "Темирлан", "Олжас"];
    private static readonly string[] KazakhFemaleGiven =
        ["Айгерим", "Динара", "Сауле", "Гульнара", "Асель", "Жанар", "Мадина", "Алия", "Камила", "Аружан"];
    private static readonly string[] KazakhSurnameStems =
        ["Ахмет", "Жумабай", "Нурлан", "Токтар", "Омар", "Касым", "Абдрахман", "Иса", "Мукаш", "Кенжебай", "Сулеймен", "Ермек", "Тулеген", "Байжан", "Оспан", "Жаксылык", "Нургали", "Сарсенбай", "Есим", "Абен", "Калиев", "Бекмурат", "Серик", "Утеген", "Садык", "Дуйсен"];
    private static readonly string[] RussianMaleGiven =
        ["Алексей", "Дмитрий", "Сергей", "Андрей", "Виктор", "Игорь", "Николай", "Павел", "Евгений", "Олег", "Максим", "Владимир"];
    private static readonly string[] RussianFemaleGiven = ["Ольга", "Елена", "Наталья", "Ирина", "Татьяна"];
    private static readonly string[] RussianSurnames =
        ["Иванов", "Петров", "Смирнов", "Кузнецов", "Попов", "Васильев", "Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Лебедев", "Козлов", "Егоров"];
    private static readonly string[] GenderlessSurnames = ["Ким", "Пак", "Цой", "Ли", "Тен"];
    private static readonly string[] RussianFatherNames =
        ["Александр", "Сергей", "Владимир", "Николай", "Виктор", "Юрий", "Анатолий", "Михаил", "Борис", "Геннадий"];

    /// <summary>About four in five inspectors get a Kazakh name and one in ten is a woman, roughly as in Almaty's police today.</summary>
    public static PersonName Next(Random random)
    {
        var female = random.NextDouble() < 0.1;
        if (random.NextDouble() < 0.8)
        {
            var stem = Pick(random, KazakhSurnameStems);
            var surname = stem.EndsWith("ов", StringComparison.Ordinal) || stem.EndsWith("ев", StringComparison.Ordinal) || stem.EndsWith("иев", StringComparison.Ordinal)
                ? stem + (female ? "а" : string.Empty)
                : stem.EndsWith('й') ? stem[..^1] + "ев" + (female ? "а" : string.Empty)
                : stem + (stem.EndsWith('и') ? "ев" : "ов") + (female ? "а" : string.Empty);
            var father = Pick(random, KazakhMaleGiven);
            return new(surname, Pick(random, female ? KazakhFemaleGiven : KazakhMaleGiven), father + (female ? "қызы" : "ұлы"));
        }

        var russianFather = Pick(random, RussianFatherNames);
        var patronymic = russianFather switch
        {
            "Николай" => female ? "Николаевна" : "Николаевич",
            "Юрий" => female ? "Юрьевна" : "Юрьевич",
            "Анатолий" => female ? "Анатольевна" : "Анатольевич",
            "Геннадий" => female ? "Геннадьевна" : "Геннадьевич",
            "Михаил" => female ? "Михайловна" : "Михайлович",
            _ => russianFather + (female ? "овна" : "ович"),
        };
        var russianSurname = random.NextDouble() < 0.25 ? Pick(random, GenderlessSurnames) : Pick(random, RussianSurnames) + (female ? "а" : string.Empty);
        return new(russianSurname, Pick(random, female ? RussianFemaleGiven : RussianMaleGiven), patronymic);
    }

    /// <summary>A Kazakhstan mobile number in E.164 form with one of the operators' real prefixes.</summary>
    public static string NextPhone(Random random)
    {
        string[] prefixes = ["701", "702", "705", "707", "747", "771", "775", "777", "778"];
        return $"+7{Pick(random, prefixes)}{random.Next(1_000_000, 10_000_000)}";
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
