namespace Uchastok.Rules.WeaponSeizures;

/// <summary>One determinant (cause or condition) of illicit arms circulation, numbered as the paper numbers it.</summary>
public sealed record SeizureDeterminant(int Code, string NameKk, string NameRu, string NameEn, int SourceLine);

/// <summary>
/// The ten determinants of illicit circulation of firearms, ammunition, explosives and explosive devices that Myrzagulov
/// lists (seed 000_182859c6d01838d1.txt L6468–6508, «К детерминантам, способствующим незаконному обороту…»). The Russian
/// names are the paper's words, shortened only where a list needs it; the Kazakh and English are translations.
/// Each seizure case is coded with one or more of them (issue 21), and the supervisor's dashboard counts them by district.
/// </summary>
public static class SeizureDeterminants
{
    public static readonly IReadOnlyList<SeizureDeterminant> All =
    [
        new(1, "Қаруның заңды айналымын бақылаудың төмен деңгейі", "Низкий уровень контроля за легальным оборотом оружия", "Weak control of the legal circulation of weapons", 6472),
        new(2, "Заңсыз айналымның жолын кесуге бағытталған профилактикалық шаралардың төмен деңгейі", "Низкий уровень профилактических мер, направленных на пресечение нелегального оборота", "Weak prevention aimed at stopping illegal circulation", 6474),
        new(3, "Рұқсатты (лицензияны) ресімдеудегі сыбайлас жемқорлық (құжаттарды, рұқсаттарды қолдан жасау)", "Коррупционная составляющая в оформлении разрешений (лицензий): подделка документов, разрешений", "Corruption in issuing permits and licences (forged documents, permits)", 6478),
        new(4, "Қазақстан Республикасының Мемлекеттік шекарасының жеткіліксіз қорғалуы", "Недостаточная защищенность Государственной границы Республики Казахстан", "Insufficient protection of the state border of Kazakhstan", 6484),
        new(5, "Қару айналымына тартылған объектілердегі тәртіптің әлсіздігі", "Слабый уровень дисциплины на объектах, вовлеченных в оборот оружия, боеприпасов, взрывчатых веществ и взрывных устройств", "Weak discipline at sites handling weapons, ammunition and explosives", 6486),
        new(6, "Арсеналдың сақталуына жауапты лауазымды адамдардың қызметтік міндеттерін орындаудағы кемшіліктер", "Недостатки в исполнении служебных обязанностей должностными лицами, ответственными за сохранность арсенала", "Failures of the officials responsible for keeping arsenals", 6490),
        new(7, "Қару мен оқ-дәрінің көтерме партияларын тасымалдауды бақылаудың әлсіреуі", "Ослабление контроля за транспортировкой и перевозкой оптовых партий оружия, боеприпасов", "Weak control of the transport of wholesale lots of weapons and ammunition", 6494),
        new(8, "Әскери құралымдарда, қару қоймаларында сақтау қағидаларының бұзылуы", "Нарушение правил хранения оружия, боеприпасов, взрывчатых веществ и взрывных устройств в воинских формированиях, на складах хранения оружия", "Breach of storage rules in military formations and weapon depots", 6498),
        new(9, "Әскери бөлімдердің қоймаларынан, полиция кезекші бөлімдерінен қаруды ұрлау", "Хищение оружия со складов воинских частей, из дежурных частей ГОРЛОВД", "Theft of weapons from military depots and police duty units", 6502),
        new(10, "Арнаулы мемлекеттік және құқық қорғау органдары арасындағы өзара іс-қимылдың болмауы", "Отсутствие взаимодействия между специальными государственными и правоохранительными органами", "No cooperation among special state and law-enforcement bodies", 6504),
    ];

    public static SeizureDeterminant? Find(int code) => code is >= 1 and <= 10 ? All[code - 1] : null;
}
