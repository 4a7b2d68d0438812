using Uchastok.Rules.Appeals;

namespace Uchastok.Web.Demo;

/// <summary>A text of the demo history in Kazakh, Russian and English; records are written in one of them.</summary>
internal sealed record Tri(string Kk, string Ru, string En)
{
    public string In(string language) => language switch { "ru" => Ru, "en" => En, _ => Kk };

    public Tri Format(object value) => new(string.Format(System.Globalization.CultureInfo.InvariantCulture, Kk, value),
        string.Format(System.Globalization.CultureInfo.InvariantCulture, Ru, value), string.Format(System.Globalization.CultureInfo.InvariantCulture, En, value));
}

/// <summary>
/// What residents write under one category, the kinds of appeal it makes (with <paramref name="KindPerText"/>,
/// the kind of each text in turn), and how the police answer it.
/// </summary>
internal sealed record CategoryTexts(string Code, int Weight, Tri[] Texts, Tri Answer, AppealKind[] Kinds, bool KindPerText = false);

/// <summary>
/// Everything the demo history says in words. The texts are ordinary: what residents of an Almaty
/// beat write about and what an inspector answers. Names of residents are generated from the lists
/// below; none belongs to anyone.
/// </summary>
internal static class HistoryTexts
{
    private static readonly AppealKind[] Requests = [AppealKind.Application, AppealKind.Application, AppealKind.Application, AppealKind.Complaint];
    private static readonly AppealKind[] Offences = [AppealKind.OffenceReport, AppealKind.Application];

    /// <summary>The categories of <see cref="Appeals.AppealCatalog.DefaultCategories"/>, weighted by how often residents choose them.</summary>
    public static readonly CategoryTexts[] Categories =
    [
        new("noise", 16,
        [
            new("Көршілер түнгі 23:00-ден кейін қатты музыка қосады, балалар ұйықтай алмайды.", "Соседи включают громкую музыку после 23:00, дети не могут уснуть.", "The neighbours play loud music after 11 pm; the children cannot sleep."),
            new("Түнде ауладағы көліктің дабылы тоқтамай шулайды.", "Ночью во дворе постоянно срабатывает сигнализация машины.", "A car alarm in the yard keeps going off at night."),
        ],
        new("Көршілермен профилактикалық әңгіме жүргізілді, тыныштықты бұзғаны үшін ескерту жасалды.", "С соседями проведена профилактическая беседа, вынесено предупреждение за нарушение тишины.", "The neighbours were spoken to and formally warned for disturbing the peace."),
        Requests),
        new("road-safety", 14,
        [
            new("Мектеп алдындағы жаяу жүргінші өткелінде көліктер жылдамдықты азайтпайды.", "У пешеходного перехода возле школы машины не сбавляют скорость.", "Cars do not slow down at the pedestrian crossing by the school."),
            new("Көліктер тротуарға қойылады, балалар арбасымен өту мүмкін емес.", "Машины паркуются на тротуаре, невозможно пройти с коляской.", "Cars park on the pavement; you cannot get by with a pram."),
        ],
        new("Ақпарат әкімдікке жолданды, өткел маңында әкімшілік полициямен бірлескен тексерістер өткізілуде.", "Информация направлена в акимат, у перехода проводятся совместные рейды с административной полицией.", "The akimat has been informed, and joint checks with the traffic police are being held at the crossing."),
        Requests),
        new("public-order", 12,
        [
            new("Кешке қарай аулада жастар жиналып, айғайлап, бөтелкелерді сындырады. Шара қолдануды сұраймын.", "По вечерам во дворе собирается компания молодёжи, кричат, бьют бутылки. Прошу принять меры.", "In the evenings young people gather in the yard, shouting and breaking bottles. Please take action."),
            new("Дүкен жанында мас адамдар жиі төбелес шығарады.", "Возле магазина часто дерутся нетрезвые люди.", "Drunk people often get into fights outside the shop."),
        ],
        new("Көрсетілген мекенжайға рейд жүргізілді, екі адамға әкімшілік хаттама толтырылды, аула кешкі патрульдеу маршрутына енгізілді.", "Проведён рейд по указанному адресу, на двоих составлены административные протоколы, двор включён в маршрут вечернего патрулирования.", "A patrol visited the address, two people were charged with administrative offences, and the yard is now on the evening patrol route."),
        Requests),
        new("fraud", 8,
        [
            new("Анама банк қызметкері болып қоңырау шалып, картаның кодын сұрады.", "Маме позвонили якобы из банка и спросили код карты.", "Someone claiming to be from the bank called my mother and asked for her card code."),
            new("Интернетте тауар үшін алдын ала төлем жасадым, сатушы жоғалып кетті.", "Оплатил товар в интернете по предоплате, продавец пропал.", "I paid in advance for goods online and the seller disappeared."),
        ],
        new("Өтініш сотқа дейінгі тергеп-тексерудің бірыңғай тізіліміне тіркеліп, тергеу бөліміне жолданды; алаяқтардың тәсілдері туралы жадынама берілді.", "Заявление зарегистрировано в ЕРДР и передано в следственное подразделение; выдана памятка о схемах мошенников.", "The report was entered in the pre-trial register and passed to investigators; a leaflet on fraud schemes was handed over."),
        Offences),
        new("theft", 8,
        [
            new("Подъезден велосипед ұрланды.", "Из подъезда украли велосипед.", "A bicycle was stolen from the entrance hall."),
            new("Түнде көліктің терезесі сындырылып, ішіндегі заттар ұрланды.", "Ночью разбили стекло машины и украли вещи из салона.", "At night someone broke a car window and stole things from inside."),
        ],
        new("Өтініш тіркелді, іздестіру шаралары жүргізілуде, нәтижесі туралы хабарлаймыз.", "Заявление зарегистрировано, ведутся розыскные мероприятия, о результатах сообщим.", "The report was registered and a search is under way; you will be told the outcome."),
        Offences),
        new("animals", 7,
        [
            new("Балалар алаңында иесіз иттер үйірі жүр.", "На детской площадке бегает стая бездомных собак.", "A pack of stray dogs roams the playground."),
            new("Көрші итін қарғыбаусыз және тұмылдырықсыз серуендетеді.", "Сосед выгуливает собаку без поводка и намордника.", "A neighbour walks his dog without a lead or a muzzle."),
        ],
        new("Ақпарат әкімдіктің ветеринариялық қызметіне жіберілді, ит иесіне ескерту жасалды.", "Информация передана в ветеринарную службу акимата, владельцу собаки вынесено предупреждение.", "The akimat's veterinary service has been informed and the dog's owner warned."),
        Requests),
        new("domestic", 6,
        [
            new("Көрші пәтерде жиі жанжал болады, әйелдің айқайы естіледі.", "В соседней квартире часто скандалы, слышны крики женщины.", "There are frequent rows in the flat next door; a woman can be heard screaming."),
            new("Туысым ішімдік ішіп, отбасын қорқытады.", "Родственник пьёт и запугивает семью.", "A relative drinks and intimidates the family."),
        ],
        new("Отбасына барып, тексеріс жүргізілді, агрессорға қорғау нұсқамасы шығарылды, отбасы профилактикалық есепке алынды.", "Семья посещена, проведена проверка, агрессору вынесено защитное предписание, семья поставлена на профилактический учёт.", "The family was visited, a protective order was issued to the aggressor, and the family is under preventive supervision."),
        Requests),
        new("suspicious", 6,
        [
            new("Бос пәтерге бірнеше күннен бері бейтаныс адамдар кіріп-шығып жүр.", "В пустующую квартиру уже несколько дней заходят незнакомые люди.", "Strangers have been going in and out of an empty flat for several days."),
            new("Подъезде біреу есіктерді тексеріп жүр.", "Кто-то ходит по подъезду и проверяет двери.", "Someone is going round the entrance trying the doors."),
        ],
        new("Пәтер мен тұрғындардың құжаттары тексерілді, заң бұзушылық анықталған жоқ.", "Квартира и документы проживающих проверены, нарушений не выявлено.", "The flat was checked together with the residents' documents; no offence was found."),
        Offences),
        new("drugs-alcohol", 5,
        [
            new("Гараждардың артында кешке жасөспірімдер ішімдік ішеді.", "За гаражами по вечерам подростки распивают спиртное.", "Teenagers drink alcohol behind the garages in the evenings."),
            new("Үй қабырғаларында есірткі сату туралы жазулар пайда болды.", "На стенах дома появились надписи с рекламой наркотиков.", "Graffiti advertising drugs has appeared on the walls of the building."),
        ],
        new("Орын тексерілді, жазулар өшірілді, жасөспірімдердің ата-аналарымен әңгіме жүргізілді.", "Место проверено, надписи закрашены, с родителями подростков проведены беседы.", "The place was checked, the graffiti painted over and the teenagers' parents spoken to."),
        Offences),
        new("documents", 5,
        [
            new("Тұрғылықты жері туралы анықтама үшін учаскелік инспектордың актісі қажет.", "Нужен акт участкового для справки о месте проживания.", "I need the inspector's report for a certificate of residence."),
            new("Құжаттарымның жоғалғаны туралы анықтама беруді сұраймын.", "Прошу выдать справку об утере документов.", "Please issue a certificate that my documents were lost."),
        ],
        new("Акт дайындалды, оны учаскелік полиция пунктінен алуға болады.", "Акт подготовлен, его можно получить в участковом пункте полиции.", "The report is ready; you can collect it at the reception point."),
        [AppealKind.Application]),
        new("other", 5,
        [
            new("Аулаға бейнебақылау камераларын орнатуды ұсынамын.", "Предлагаю установить во дворе камеры видеонаблюдения.", "I suggest installing CCTV cameras in the yard."),
            new("Учаскелік инспектордың жұмысына алғысымды білдіремін.", "Выражаю благодарность участковому инспектору за работу.", "I would like to thank the district inspector for his work."),
        ],
        new("Өтінішіңіз үшін рахмет, ол қаралды және учаске жұмысында ескеріледі.", "Спасибо за обращение, оно рассмотрено и будет учтено в работе участка.", "Thank you for your appeal; it has been considered and will be taken into account in the beat's work."),
        [AppealKind.Proposal, AppealKind.Response], KindPerText: true),
        new("minors", 4,
        [
            new("Түнгі уақытта кәмелетке толмағандар ересектерсіз көшеде жүреді.", "Несовершеннолетние гуляют ночью без взрослых.", "Minors are out at night without adults."),
            new("Мектеп маңында балаларға темекі сатады.", "Возле школы продают сигареты детям.", "Cigarettes are being sold to children near the school."),
        ],
        new("Кәмелетке толмағандар істері жөніндегі инспектормен бірлесіп рейд өткізілді, сатушыға хаттама толтырылды.", "Совместно с инспектором по делам несовершеннолетних проведён рейд, на продавца составлен протокол.", "A check with the juvenile inspector was held and the seller was charged."),
        Requests),
        new("officer-conduct", 3,
        [
            new("Учаскелік инспектор белгіленген уақытта қабылдауда болмады, телефонға жауап бермейді.", "Участковый не был на приёме в назначенное время и не отвечает на звонки.", "The district inspector was not at his reception at the set time and does not answer calls."),
            new("Инспектор өтінішімді қабылдаудан негізсіз бас тартты.", "Инспектор без оснований отказался принять моё заявление.", "The inspector refused to accept my application without grounds."),
        ],
        new("Қызметтік тексеру жүргізілді, оның нәтижесі бойынша шара қолданылды.", "Проведена служебная проверка, по её результатам приняты меры.", "An internal review was held and measures were taken on its results."),
        [AppealKind.Complaint]),
    ];

    /// <summary>The answer of the head of the district service to a contested answer.</summary>
    public static readonly Tri ReviewedAnswer = new(
        "Шағым қайта қаралды: учаскелік инспекторға қосымша тексеріс тапсырылды, оның нәтижесі бойынша шара қолданылды.",
        "Жалоба рассмотрена повторно: участковому поручена дополнительная проверка, по её результатам приняты меры.",
        "The complaint was reviewed again: the inspector was told to make a further check, and action was taken on its results.");

    /// <summary>Where appeals of a category go when they are not for the police, and why.</summary>
    public static (Tri Body, Tri Reason) ForwardFor(string category) => category switch
    {
        "animals" => (new("Алматы қаласының ветеринария басқармасы", "Управление ветеринарии города Алматы", "Veterinary Department of Almaty"),
            new("Иесіз жануарларды аулау ветеринария қызметінің құзыретінде.", "Отлов безнадзорных животных относится к компетенции ветеринарной службы.", "Catching stray animals is for the veterinary service.")),
        "noise" or "public-order" => (new("Тұрғын үй инспекциясы", "Жилищная инспекция", "Housing Inspectorate"),
            new("Мәселе үйдің жалпы мүлкін пайдалануға қатысты.", "Вопрос касается пользования общим имуществом дома.", "The matter concerns the use of the building's common property.")),
        _ => (new("Алматы қаласы әкімдігі", "Акимат города Алматы", "Akimat of Almaty"),
            new("Мәселе жергілікті атқарушы органның құзыретіне жатады.", "Вопрос относится к компетенции местного исполнительного органа.", "The matter is for the local executive body.")),
    };

    public static readonly Tri[] LeaveReasons =
    [
        new("Өтініш бұрын қаралған өтінішті қайталайды, жаңа мән-жайлар жоқ.", "Обращение повторяет ранее рассмотренное, новых обстоятельств нет.", "The appeal repeats one already decided, with no new facts."),
        new("Өтініш беруші өтінішін кері қайтарып алды.", "Заявитель отозвал обращение.", "The applicant withdrew the appeal."),
        new("Өтініште мәні бойынша қарауға жеткілікті мәлімет жоқ, өтініш берушімен байланысу мүмкін болмады.", "В обращении нет сведений для рассмотрения по существу, связаться с заявителем не удалось.", "The appeal lacks the facts needed to decide it, and the applicant could not be reached."),
    ];

    public static readonly Tri[] ExtensionReasons =
    [
        new("Басқа органдардан мәліметтер сұратылды.", "Запрошены сведения из других органов.", "Information has been requested from other bodies."),
        new("Куәгерлерден жауап алу қажет.", "Требуется опросить свидетелей.", "Witnesses must be questioned."),
    ];

    public static readonly Tri[] ContestReasons =
    [
        new("Жауап мәселені шешпейді, бұзушылықтар жалғасуда.", "Ответ не решает проблему, нарушения продолжаются.", "The answer does not solve the problem; it is still going on."),
        new("Менімен ешкім байланысқан жоқ, тексеріс жүргізілмеген.", "Со мной никто не связался, проверка не проводилась.", "Nobody contacted me; no check was made."),
    ];

    /// <summary>What applicants write with a rating: by how the rating went, good first.</summary>
    public static readonly Tri[] PraiseComments =
    [
        new("Тез әрі сыпайы жауап бергеніңіз үшін рахмет.", "Спасибо за быстрый и вежливый ответ.", "Thank you for the quick and polite answer."),
        new("Инспектор келіп, бәрін түсіндірді.", "Участковый пришёл и всё объяснил.", "The inspector came and explained everything."),
    ];

    public static readonly Tri[] CriticalComments =
    [
        new("Жауап формальды, мәселе шешілмеді.", "Ответ формальный, проблема не решена.", "A formal answer; the problem is not solved."),
        new("Жауапты ұзақ күтуге тура келді.", "Ответа пришлось долго ждать.", "The answer took a long time."),
    ];

    /// <summary>Internal notes an inspector leaves on an appeal while working on it.</summary>
    public static readonly Tri[] Notes =
    [
        new("Өтініш берушіге қоңырау шалдым, ертең кездесуге келістік.", "Позвонил заявителю, договорились о встрече на завтра.", "Called the applicant; we meet tomorrow."),
        new("Орынға бардым, көршілерден сұрадым.", "Выезжал на место, опросил соседей.", "Went to the place and asked the neighbours."),
    ];

    /// <summary>Free-text answers of the trust survey: suggestions, never names.</summary>
    public static readonly Tri[] SurveyRemarks =
    [
        new("Кешкі уақытта аулаларды жиірек аралау керек.", "Чаще обходить дворы по вечерам.", "Walk round the yards more often in the evenings."),
        new("Қабылдау кестесін подъездерге ілу керек.", "Вывешивать график приёма в подъездах.", "Put the reception hours up in the entrances."),
        new("Телефонға жауап беру.", "Отвечать на телефон.", "Answer the phone."),
        new("Мектеп жанында жиірек болу.", "Чаще бывать возле школы.", "Be near the school more often."),
        new("Тұрғындармен кездесулерді кешкі уақытта өткізу.", "Проводить встречи с жителями вечером.", "Hold meetings with residents in the evenings."),
        new("Бәрі жақсы, рахмет.", "Всё хорошо, спасибо.", "All good, thank you."),
    ];

    /// <summary>Issues residents raise at meetings, each with what the police did about it.</summary>
    public static readonly (Tri Issue, Tri Action)[] Priorities =
    [
        (new("Кешке аулада жарық жоқ", "Во дворе нет освещения вечером", "No lighting in the courtyard in the evening"),
         new("Әкімдікке хат жолданды, аулаға шамдар орнатылды", "Направлено письмо в акимат, во дворе установлены фонари", "Letter sent to the akimat; street lights installed in the courtyard")),
        (new("Мектеп маңында жылдамдықты асыру", "Превышение скорости возле школы", "Speeding near the school"),
         new("Мектеп маңында рейдтер өткізілді, жылдамдықты шектеу белгісі қойылды", "У школы проведены рейды, установлен знак ограничения скорости", "Checks held by the school; a speed limit sign put up")),
        (new("Подъездер маңында түнгі шу", "Ночной шум у подъездов", "Night-time noise by the entrances"),
         new("Кешкі патрульдеу күшейтілді, үш тұрғынға ескерту жасалды", "Усилено вечернее патрулирование, трём жильцам вынесены предупреждения", "Evening patrols stepped up; three residents warned")),
        (new("Балалар алаңындағы иесіз иттер", "Бездомные собаки на детской площадке", "Stray dogs at the playground"),
         new("Ветеринариялық қызметпен бірлесіп иттер ауланды", "Совместно с ветеринарной службой проведён отлов", "Dogs caught together with the veterinary service")),
        (new("Тротуарға көлік қою", "Парковка автомобилей на тротуаре", "Cars parked on the pavement"),
         new("Әкімшілік полициямен бірлескен рейд, он хаттама толтырылды", "Совместный рейд с административной полицией, составлено десять протоколов", "Joint check with the traffic police; ten fines issued")),
        (new("Телефон алаяқтары зейнеткерлерге қоңырау шалады", "Телефонные мошенники звонят пенсионерам", "Phone fraudsters calling pensioners"),
         new("Подъездерде жадынамалар ілінді, зейнеткерлермен кездесу өтті", "В подъездах развешаны памятки, проведена встреча с пенсионерами", "Leaflets put up in the entrances; a meeting held with pensioners")),
        (new("Гараждар маңында жасөспірімдердің ішімдік ішуі", "Распитие спиртного подростками у гаражей", "Teenagers drinking near the garages"),
         new("Кәмелетке толмағандар инспекторымен рейдтер, ата-аналармен әңгімелер", "Рейды с инспектором по делам несовершеннолетних, беседы с родителями", "Checks with the juvenile inspector; talks with the parents")),
        (new("Подъездерден велосипед ұрлау", "Кражи велосипедов из подъездов", "Bicycle thefts from the entrances"),
         new("Тұрғындармен бірге домофондар мен камералар орнатылды", "Вместе с жильцами установлены домофоны и камеры", "Entry phones and cameras installed together with the residents")),
    ];

    public static readonly Tri[] MeetingPlaces =
    [
        new("№{0} мектептің акт залы", "Актовый зал школы № {0}", "Assembly hall of School No. {0}"),
        new("№{0} үйдің ауласы", "Двор дома № {0}", "Courtyard of building No. {0}"),
        new("Аудан әкімдігінің жиналыс залы", "Зал заседаний акимата района", "Meeting room of the district akimat"),
    ];

    public static readonly Tri ReceptionPointPlace = new("№{0} учаскелік полиция пункті", "Участковый пункт полиции № {0}", "Reception point No. {0}");

    public static Tri Agenda(Community.MeetingKind kind) => kind switch
    {
        Community.MeetingKind.QuarterlyReport => new("Учаскелік инспектордың тоқсандағы жұмысы туралы есебі; тұрғындардың сұрақтары.", "Отчёт участкового инспектора о работе за квартал; вопросы жителей.", "The inspector's report on the quarter's work; residents' questions."),
        Community.MeetingKind.Thematic => new("Телефон алаяқтарынан қалай сақтану керек.", "Как уберечься от телефонных мошенников.", "How to protect yourself from phone fraud."),
        Community.MeetingKind.ReceptionOnTheRoad => new("Аулада көшпелі қабылдау.", "Выездной приём во дворе.", "Reception in the courtyard."),
        _ => new("Әкімдікпен және ПИК-пен бірлескен кездесу: аулаларды абаттандыру және жарықтандыру.", "Совместная встреча с акиматом и КСК: благоустройство и освещение дворов.", "Joint meeting with the akimat and the housing cooperative: yards and lighting."),
    };

    public static readonly Tri Minutes = new(
        "Есеп тыңдалды, тұрғындар сұрақтар қойды; ұсыныстар жазылып алынды.",
        "Отчёт заслушан, жители задали вопросы; предложения записаны.",
        "The report was heard and residents asked questions; their suggestions were noted.");

    public static readonly Tri OtherActivity = new("«Жасөспірім» рейді", "Рейд «Подросток»", "Operation Teenager check");

    public static readonly Tri TipReviewed = new(
        "Ақпарат тексерілді, учаскелік инспекторға жіберілді.", "Информация проверена и передана участковому.", "Checked and passed to the beat's inspector.");

    /// <summary>Survey places: a reception point's notice board, a beat's notice board, a bus stop on a street.</summary>
    public static readonly Tri ReceptionPointBoard = new("№{0} УПП, кіреберістегі стенд", "УПП № {0}, стенд у входа", "Reception point No. {0}, notice board by the entrance");

    public static readonly Tri BeatBoard = new("{0} учаскесінің хабарландыру тақтасы", "Доска объявлений участка {0}", "Notice board of beat {0}");

    public static readonly Tri BusStop = new("«{0}» аялдамасы", "Остановка «{0}»", "Bus stop «{0}»");

    // Applicants' names: Kazakh and Russian, women and men alike. Generated combinations, nobody's own.
    public static readonly string[] KazakhWomen = ["Айгүл", "Гүлнар", "Жанар", "Сәуле", "Динара", "Әсем", "Меруерт", "Ботагөз", "Аружан", "Мадина"];
    public static readonly string[] KazakhMen = ["Ерлан", "Нұрлан", "Асқар", "Бауыржан", "Дәурен", "Серік", "Қанат", "Арман", "Ержан", "Талғат"];
    public static readonly string[] KazakhSurnames = ["Ахметов", "Жұмабаев", "Сәрсенбаев", "Тоқтаров", "Омаров", "Қасымов", "Әбдірахманов", "Есімов", "Оспанов", "Бекмұратов", "Сұлтанов", "Нұрғалиев"];
    public static readonly string[] RussianWomen = ["Ольга", "Елена", "Наталья", "Ирина", "Татьяна", "Светлана"];
    public static readonly string[] RussianMen = ["Алексей", "Дмитрий", "Сергей", "Андрей", "Виктор", "Павел"];
    public static readonly string[] RussianSurnames = ["Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Морозов", "Волков"];
    public static readonly string[] GenderlessSurnames = ["Ким", "Пак", "Цой", "Тен"];
}
