namespace Uchastok.Rules.Territory.DemoCity;

public enum StreetKind { Street, Avenue }

/// <summary>A street of the demo gazetteer: its name in three languages and where it runs.</summary>
/// <param name="RunsEastWest">True when the street follows a parallel (fixed latitude).</param>
/// <param name="Position">Latitude of an east–west street, longitude of a north–south one.</param>
/// <param name="From">Where the street starts along its run (longitude or latitude).</param>
/// <param name="To">Where it ends.</param>
public sealed record StreetLine(string NameKk, string NameRu, string NameEn, StreetKind Kind, bool RunsEastWest, double Position, double From, double To);

/// <summary>
/// Street names of Almaty for the demo gazetteer. The central grid follows the real streets'
/// approximate lines (the centre of Almaty is a near-rectangular grid); the outer streets
/// carry real Almaty names on generated lines. There is no open address list for Almaty, so
/// house positions are generated along these lines and are not surveyed addresses.
/// </summary>
public static class AlmatyStreets
{
    public static IReadOnlyList<StreetLine> Central { get; } =
    [
        new("Райымбек", "Райымбека", "Raiymbek", StreetKind.Avenue, true, 43.2700, 76.800, 77.000),
        new("Мақатаев", "Макатаева", "Makatayev", StreetKind.Street, true, 43.2640, 76.900, 76.960),
        new("Жібек жолы", "Жибек Жолы", "Zhibek Zholy", StreetKind.Avenue, true, 43.2605, 76.900, 76.960),
        new("Гоголь", "Гоголя", "Gogol", StreetKind.Street, true, 43.2585, 76.880, 76.960),
        new("Қазыбек би", "Казыбек би", "Kazybek bi", StreetKind.Street, true, 43.2553, 76.880, 76.960),
        new("Төле би", "Толе би", "Tole bi", StreetKind.Street, true, 43.2515, 76.800, 76.962),
        new("Бөгенбай батыр", "Богенбай батыра", "Bogenbay batyr", StreetKind.Street, true, 43.2488, 76.880, 76.962),
        new("Қарасай батыр", "Карасай батыра", "Karasay batyr", StreetKind.Street, true, 43.2465, 76.860, 76.962),
        new("Қабанбай батыр", "Кабанбай батыра", "Kabanbay batyr", StreetKind.Street, true, 43.2443, 76.880, 76.962),
        new("Шевченко", "Шевченко", "Shevchenko", StreetKind.Street, true, 43.2423, 76.880, 76.962),
        new("Жамбыл", "Жамбыла", "Zhambyl", StreetKind.Street, true, 43.2403, 76.880, 76.962),
        new("Абай", "Абая", "Abay", StreetKind.Avenue, true, 43.2385, 76.820, 76.962),
        new("Сәтбаев", "Сатпаева", "Satbayev", StreetKind.Street, true, 43.2340, 76.840, 76.962),
        new("Жандосов", "Жандосова", "Zhandosov", StreetKind.Street, true, 43.2285, 76.820, 76.930),
        new("Тимирязев", "Тимирязева", "Timiryazev", StreetKind.Street, true, 43.2245, 76.870, 76.935),
        new("Әл-Фараби", "Аль-Фараби", "Al-Farabi", StreetKind.Avenue, true, 43.2120, 76.850, 76.980),
        new("Рысқұлов", "Рыскулова", "Ryskulov", StreetKind.Avenue, true, 43.2850, 76.820, 76.990),
        new("Достық", "Достык", "Dostyk", StreetKind.Avenue, false, 76.9570, 43.190, 43.270),
        new("Қонаев", "Кунаева", "Konayev", StreetKind.Street, false, 76.9490, 43.230, 43.270),
        new("Абылай хан", "Абылай хана", "Abylay khan", StreetKind.Avenue, false, 76.9440, 43.240, 43.270),
        new("Желтоқсан", "Желтоксан", "Zheltoksan", StreetKind.Street, false, 76.9390, 43.220, 43.270),
        new("Сейфуллин", "Сейфуллина", "Seifullin", StreetKind.Avenue, false, 76.9300, 43.180, 43.330),
        new("Мұқанов", "Муканова", "Mukanov", StreetKind.Street, false, 76.9225, 43.215, 43.265),
        new("Байзақов", "Байзакова", "Baizakov", StreetKind.Street, false, 76.9140, 43.210, 43.280),
        new("Әуезов", "Ауэзова", "Auezov", StreetKind.Street, false, 76.9060, 43.220, 43.280),
        new("Жароков", "Жарокова", "Zharokov", StreetKind.Street, false, 76.8980, 43.200, 43.250),
        new("Гагарин", "Гагарина", "Gagarin", StreetKind.Avenue, false, 76.8880, 43.180, 43.260),
        new("Розыбакиев", "Розыбакиева", "Rozybakiev", StreetKind.Street, false, 76.8760, 43.190, 43.270),
        new("Момышұлы", "Момышулы", "Momyshuly", StreetKind.Avenue, false, 76.8500, 43.210, 43.280),
        new("Саин", "Саина", "Sain", StreetKind.Street, false, 76.8350, 43.200, 43.290),
        new("Сүйінбай", "Суюнбая", "Suyunbay", StreetKind.Avenue, false, 76.9620, 43.265, 43.360),
    ];

    /// <summary>Real Almaty street names placed on a generated grid outside the centre.</summary>
    public static IReadOnlyList<(string Kk, string Ru, string En)> OuterNames { get; } =
    [
        ("Бұқар жырау", "Бухар жырау", "Bukhar zhyrau"), ("Шаляпин", "Шаляпина", "Shalyapin"),
        ("Навои", "Навои", "Navoi"), ("Торайғыров", "Торайгырова", "Toraigyrov"),
        ("Жұбанов", "Жубанова", "Zhubanov"), ("Мұстафин", "Мустафина", "Mustafin"),
        ("Бекмаханов", "Бекмаханова", "Bekmakhanov"), ("Майлин", "Майлина", "Mailin"),
        ("Ақан сері", "Акан серы", "Akan seri"), ("Жансүгіров", "Жансугурова", "Zhansugurov"),
        ("Ратушный", "Ратушного", "Ratushny"), ("Хмельницкий", "Хмельницкого", "Khmelnitsky"),
        ("Бөкейхан", "Бокейханова", "Bokeikhan"), ("Шолохов", "Шолохова", "Sholokhov"),
        ("Дулати", "Дулати", "Dulati"), ("Бурундай", "Бурундайская", "Burunday"),
        ("Қабдолов", "Кабдолова", "Kabdolov"), ("Алтынсарин", "Алтынсарина", "Altynsarin"),
        ("Мынбаев", "Мынбаева", "Mynbayev"), ("Марков", "Маркова", "Markov"),
        ("Қожамқұлов", "Кожамкулова", "Kozhamkulov"), ("Байтұрсынұлы", "Байтурсынова", "Baitursynuly"),
        ("Масанчи", "Масанчи", "Masanchi"), ("Жұмалиев", "Джумалиева", "Zhumaliev"),
        ("Рысқұлбеков", "Рыскулбекова", "Ryskulbekov"), ("Түркебаев", "Туркебаева", "Turkebayev"),
        ("Жұнісов", "Жунисова", "Zhunisov"), ("Шұғыла", "Шугыла", "Shugyla"),
        ("Қаршыға", "Каршыга", "Karshyga"), ("Тұрғыт Өзал", "Тургут Озала", "Turgut Ozal"),
        ("Халиуллин", "Халиуллина", "Khaliullin"), ("Құлджа жолы", "Кульджинский тракт", "Kulzha road"),
        ("Солтүстік айналма", "Северное кольцо", "Northern ring"), ("Бекхожин", "Бекхожина", "Bekkhozhin"),
        ("Яссауи", "Яссауи", "Yassawi"), ("Өтеген батыр", "Утеген батыра", "Utegen batyr"),
        ("Жетісу", "Жетысуская", "Zhetysu"), ("Тәшкент", "Ташкентская", "Tashkent"),
        ("Орманов", "Орманова", "Ormanov"), ("Сейдімбек", "Сейдимбека", "Seidimbek"),
        ("Ахмедияров", "Ахмедиярова", "Akhmediyarov"), ("Есенберлин", "Есенберлина", "Yesenberlin"),
        ("Ниеткалиев", "Ниеткалиева", "Nietkaliev"), ("Тәттімбет", "Таттимбета", "Tattimbet"),
        ("Кенесары хан", "Кенесары хана", "Kenesary khan"), ("Шәріпов", "Шарипова", "Sharipov"),
        ("Ырғызбаев", "Иргизбаева", "Yrgyzbayev"), ("Нұркен Әбдіров", "Нуркена Абдирова", "Nurken Abdirov"),
    ];
}
