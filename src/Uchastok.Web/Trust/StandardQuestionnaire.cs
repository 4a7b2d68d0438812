using Uchastok.Rules.Trust;

namespace Uchastok.Web.Trust;

/// <summary>
/// The questionnaire administrators start from: two agreement items per trust criterion, the
/// procedural-justice dimension each bears on, and one open question. Administrators change it
/// freely before opening it.
/// </summary>
public static class StandardQuestionnaire
{
    public static readonly Trilingual Title = new("Сіздің ауданыңыздағы полицияға сенім", "Доверие к полиции вашего района", "Trust in the police of your area");

    public static readonly Trilingual Intro = new(
        "Сауалнама жасырын: біз атыңызды, байланыстарыңызды не мекенжайыңызды сұрамаймыз. Жауаптарыңыз учаскелік полиция жұмысын жақсартуға көмектеседі.",
        "Опрос анонимный: мы не спрашиваем имя, контакты или адрес. Ваши ответы помогают улучшить работу участковой полиции.",
        "The survey is anonymous: we do not ask your name, contacts or address. Your answers help improve the work of the district police.");

    public static IReadOnlyList<QuestionDraft> Questions { get; } =
    [
        Scale(TrustCriterion.Professionalism, null,
            "Учаскелік инспектор өз ісін біледі және мәселелерді сауатты шешеді.",
            "Участковый инспектор знает своё дело и грамотно решает проблемы.",
            "The district inspector knows the job and solves problems competently."),
        Scale(TrustCriterion.Professionalism, null,
            "Тұрғындар полицияға жүгінгенде, көмек тез келеді.",
            "Когда жители обращаются в полицию, помощь приходит быстро.",
            "When residents turn to the police, help comes quickly."),
        Scale(TrustCriterion.Fairness, ProceduralJustice.Neutrality,
            "Полиция кім болса да, барлығына бірдей қарайды.",
            "Полиция относится ко всем одинаково, кем бы человек ни был.",
            "The police treat everyone the same, whoever they are."),
        Scale(TrustCriterion.Fairness, ProceduralJustice.TrustworthyMotives,
            "Біздің аудандағы полиция пара алмайды.",
            "Полиция в нашем районе не берёт взяток.",
            "The police in our area do not take bribes."),
        Scale(TrustCriterion.Openness, null,
            "Мен өз учаскелік инспекторымды және онымен қалай байланысуға болатынын білемін.",
            "Я знаю своего участкового инспектора и как с ним связаться.",
            "I know my district inspector and how to reach them."),
        Scale(TrustCriterion.Openness, ProceduralJustice.TrustworthyMotives,
            "Полиция тұрғындарға өз жұмысы мен оның нәтижелері туралы адал айтады.",
            "Полиция честно рассказывает жителям о своей работе и её результатах.",
            "The police tell residents honestly about their work and its results."),
        Scale(TrustCriterion.CommunityInteraction, ProceduralJustice.Voice,
            "Учаскелік инспектор аудандағы маңызды мәселелер туралы тұрғындардың пікіріне құлақ асады.",
            "Участковый прислушивается к мнению жителей о том, что важно в районе.",
            "The inspector listens to what residents say matters in the area."),
        Scale(TrustCriterion.CommunityInteraction, ProceduralJustice.Respect,
            "Полиция тұрғындарға құрметпен қарайды.",
            "Полиция относится к жителям с уважением.",
            "The police treat residents with respect."),
        Scale(TrustCriterion.ComplaintHandling, ProceduralJustice.Voice,
            "Егер мен полиция қызметкеріне шағымдансам, шағымым тиісінше қаралады.",
            "Если я пожалуюсь на сотрудника полиции, мою жалобу рассмотрят как следует.",
            "If I complain about a police officer, my complaint will be dealt with properly."),
        Scale(TrustCriterion.ComplaintHandling, null,
            "Полицияға жасалған өтініштерге уақтылы жауап беріледі.",
            "На обращения в полицию отвечают вовремя.",
            "Appeals to the police are answered on time."),
        new(QuestionKind.FreeText, new(
            "Учаскелік инспектор нені жақсырақ істеуі керек?",
            "Что участковому инспектору стоит делать лучше?",
            "What should your district inspector do better?"), null, null, false, []),
    ];

    private static QuestionDraft Scale(TrustCriterion criterion, ProceduralJustice? dimension, string kk, string ru, string en) =>
        new(QuestionKind.Likert, new(kk, ru, en), criterion, dimension, true, []);
}
