namespace Uchastok.Web.Notifications;

/// <summary>
/// The messages Uchastok sends, in Kazakh, Russian and English, as first written; administrators
/// edit them afterwards (table <c>notifications_templates</c>). Placeholders: {number}, {received},
/// {due}, {assignee}, {reason}, {forwardedTo}, {text}, {link}, {survey} (the after-appeal survey, for the applicant; its whole line is left out when no survey is open for appeals);
/// for receptions {when}, {inspector}, {place}, {link}; for the report-meeting alert {inspector}, {beats}, {quarter}, {last}, {link}; for a password reset {link}; for a lost appeal link {number}, {code}; the registration sent to a contact not yet confirmed (appeal.registered-code) also {code}, and its {link} fills the code in.
/// </summary>
public static class DefaultTemplates
{
    public const string Registered = "appeal.registered";
    /// <summary>The registration sent to a contact not yet confirmed: it carries the code, sent once, that confirms it.</summary>
    public const string RegisteredWithCode = "appeal.registered-code";
    public const string Assigned = "appeal.assigned";
    public const string InProgress = "appeal.in-progress";
    public const string Extended = "appeal.extended";
    public const string Forwarded = "appeal.forwarded";
    public const string Answered = "appeal.answered";
    public const string PasswordReset = "account.password-reset";
    public const string TrackingLinkCode = "appeal.tracking-link-code";
    public const string LeftWithoutConsideration = "appeal.left-without-consideration";
    public const string Closed = "appeal.closed";
    public const string Contested = "appeal.contested";
    public const string StaffAssigned = "staff.assigned";
    public const string StaffReminder = "staff.reminder";
    public const string StaffOverdue = "staff.overdue";
    public const string ReceptionBooked = "reception.booked";
    /// <summary>A message to a domestic-violence victim (C16): a neutral subject and the staff member's text only, which is checked to be neutral too.</summary>
    public const string DomesticViolenceMessage = "prevention.dv-message";
    public const string ReceptionReminder = "reception.reminder";
    public const string ReceptionCancelled = "reception.cancelled";
    public const string StaffReportMeetingDue = "staff.report-meeting-due";
    public const string StaffReportsReady = "staff.reports-ready";
    public const string SubscriptionConfirm = "subscription.confirm";
    public const string Mailing = "mailing";
    public const string StaffPreventionDue = "staff.prevention-due";
    /// <summary>
    /// A safety incident nobody on the duty console took in time (issue 19), to the district's supervisors (level 1) and
    /// then also to the administrators (level 2). Placeholders: {reference}, {level}, {what}, {place}, {received}, {link}.
    /// </summary>
    public const string StaffSafetyEscalated = "staff.safety-escalated";
    /// <summary>A permit on the inspector's beat expires soon (issue 21), once per permit and expiry date. Placeholders: {date}, {link}; never the holder's name (it leaves by e-mail).</summary>
    public const string StaffPermitExpiring = "staff.permit-expiring";

    public sealed record Text(string Subject, string Body);

    public static readonly IReadOnlyDictionary<(string Key, string Language), Text> All = new Dictionary<(string, string), Text>
    {
        [(Registered, "kk")] = new("{number} өтінішіңіз тіркелді", "{number} өтініші {received} қабылданды. Шешім мерзімі: {due}. Барысын мына сілтемеден бақылаңыз: {link}"),
        [(Registered, "ru")] = new("Ваше обращение {number} зарегистрировано", "Обращение {number} принято {received}. Срок рассмотрения: до {due}. Следите за ходом по ссылке: {link}"),
        [(Registered, "en")] = new("Your appeal {number} is registered", "Appeal {number} was received on {received}. It will be decided by {due}. Follow it here: {link}"),

        [(RegisteredWithCode, "kk")] = new("{number} өтінішіңіз тіркелді", "{number} өтініші {received} қабылданды. Шешім мерзімі: {due}. Барысын мына сілтемеден бақылаңыз: {link}\nБайланысыңызды растау коды: {code}. Сілтемені ашып, «Растау» түймесін басыңыз. Расталмайынша бұл байланысқа күніне бір хабарламадан артық жібермейміз."),
        [(RegisteredWithCode, "ru")] = new("Ваше обращение {number} зарегистрировано", "Обращение {number} принято {received}. Срок рассмотрения: до {due}. Следите за ходом по ссылке: {link}\nКод подтверждения контакта: {code}. Откройте ссылку и нажмите «Подтвердить». Пока контакт не подтверждён, мы присылаем на него не больше одного сообщения в день."),
        [(RegisteredWithCode, "en")] = new("Your appeal {number} is registered", "Appeal {number} was received on {received}. It will be decided by {due}. Follow it here: {link}\nCode to confirm this contact: {code}. Open the link and press \"Confirm\". Until it is confirmed we send it at most one message a day."),

        [(Assigned, "kk")] = new("{number}: орындаушы тағайындалды", "{number} өтінішін {assignee} қарайды. Мерзімі: {due}. {link}"),
        [(Assigned, "ru")] = new("{number}: назначен исполнитель", "Обращение {number} рассматривает {assignee}. Срок: до {due}. {link}"),
        [(Assigned, "en")] = new("{number}: an officer is assigned", "Appeal {number} is handled by {assignee}. Due by {due}. {link}"),

        [(InProgress, "kk")] = new("{number}: қарау басталды", "{assignee} {number} өтінішін қарауға алды. Мерзімі: {due}. {link}"),
        [(InProgress, "ru")] = new("{number}: рассмотрение начато", "{assignee} приступил(а) к рассмотрению обращения {number}. Срок: до {due}. {link}"),
        [(InProgress, "en")] = new("{number}: work has started", "{assignee} has started work on appeal {number}. Due by {due}. {link}"),

        [(Extended, "kk")] = new("{number}: қарау мерзімі ұзартылды", "{number} өтінішін қарау мерзімі {due} дейін ұзартылды. Себебі: {reason}. {link}"),
        [(Extended, "ru")] = new("{number}: срок рассмотрения продлён", "Срок рассмотрения обращения {number} продлён до {due}. Причина: {reason}. {link}"),
        [(Extended, "en")] = new("{number}: the term is extended", "The term for appeal {number} is extended to {due}. Reason: {reason}. {link}"),

        [(Forwarded, "kk")] = new("{number}: өтініш басқа органға жіберілді", "{number} өтініші құзыреті бойынша жіберілді: {forwardedTo}. Себебі: {reason}. {link}"),
        [(Forwarded, "ru")] = new("{number}: обращение перенаправлено", "Обращение {number} направлено по компетенции: {forwardedTo}. Причина: {reason}. {link}"),
        [(Forwarded, "en")] = new("{number}: forwarded to another body", "Appeal {number} was forwarded to the competent body: {forwardedTo}. Reason: {reason}. {link}"),

        [(PasswordReset, "kk")] = new("Учаске: құпиясөзді қалпына келтіру", "Құпиясөзді өзгерту үшін сілтемені ашыңыз (бір тәулік ішінде, бір рет): {link}\nЕгер сұрамаған болсаңыз, бұл хатты елемеңіз; құпиясөзіңіз өзгермейді."),
        [(PasswordReset, "ru")] = new("Участок: восстановление пароля", "Чтобы задать новый пароль, откройте ссылку (действует сутки, один раз): {link}\nЕсли вы не запрашивали, не обращайте внимания; пароль не изменится."),
        [(PasswordReset, "en")] = new("Uchastok: resetting your password", "To set a new password, open this link (valid for a day, once): {link}\nIf you did not ask for it, ignore this message; your password stays as it is."),

        [(TrackingLinkCode, "kk")] = new("{number}: растау коды", "{number} өтінішінің сілтемесін қалпына келтіру коды: {code}. Код 15 минут жарамды. Сұрамаған болсаңыз, ештеңе істемеңіз."),
        [(TrackingLinkCode, "ru")] = new("{number}: код подтверждения", "Код для восстановления ссылки на обращение {number}: {code}. Код действует 15 минут. Если вы не запрашивали, ничего не делайте."),
        [(TrackingLinkCode, "en")] = new("{number}: your code", "The code to recover the link to appeal {number}: {code}. It is valid for 15 minutes. If you did not ask for it, do nothing."),

        [(Answered, "kk")] = new("{number}: жауап берілді", "{number} өтінішіңізге жауап: {text}\nЖауапты бағалап, келісетініңізді не келіспейтініңізді көрсетіңіз: {link}\nАуданыңыздағы полиция туралы қысқа жасырын сауалнама: {survey}"),
        [(Answered, "ru")] = new("{number}: дан ответ", "Ответ на обращение {number}: {text}\nОцените ответ, подтвердите его или оспорьте: {link}\nКороткий анонимный опрос о полиции вашего района: {survey}"),
        [(Answered, "en")] = new("{number}: answered", "The answer to appeal {number}: {text}\nRate it, then confirm or contest it: {link}\nA short anonymous survey about the police in your area: {survey}"),

        [(LeftWithoutConsideration, "kk")] = new("{number}: қараусыз қалдырылды", "{number} өтініші қараусыз қалдырылды. Себебі: {reason}. {link}"),
        [(LeftWithoutConsideration, "ru")] = new("{number}: оставлено без рассмотрения", "Обращение {number} оставлено без рассмотрения. Причина: {reason}. {link}"),
        [(LeftWithoutConsideration, "en")] = new("{number}: left without consideration", "Appeal {number} was left without consideration. Reason: {reason}. {link}"),

        [(Closed, "kk")] = new("{number}: жабылды", "{number} өтініші жабылды. Рақмет! {link}"),
        [(Closed, "ru")] = new("{number}: закрыто", "Обращение {number} закрыто. Спасибо! {link}"),
        [(Closed, "en")] = new("{number}: closed", "Appeal {number} is closed. Thank you! {link}"),

        [(Contested, "kk")] = new("{number}: келіспеушілігіңіз тіркелді", "{number} өтінішінің жауабына келіспеушілігіңізді басшы {due} дейін қарайды. {link}"),
        [(Contested, "ru")] = new("{number}: несогласие с ответом принято", "Ваше несогласие с ответом на обращение {number} рассмотрит руководитель до {due}. {link}"),
        [(Contested, "en")] = new("{number}: your objection is registered", "The head of service reviews your objection to the answer to appeal {number} by {due}. {link}"),

        [(StaffAssigned, "kk")] = new("Жаңа өтініш {number}", "Сізге {number} өтініші тағайындалды. Мерзімі: {due}. {link}"),
        [(StaffAssigned, "ru")] = new("Новое обращение {number}", "Вам назначено обращение {number}. Срок: до {due}. {link}"),
        [(StaffAssigned, "en")] = new("New appeal {number}", "Appeal {number} is assigned to you. Due by {due}. {link}"),

        [(StaffReminder, "kk")] = new("{number}: мерзімі {due}", "{number} өтінішінің мерзімі жақындады: {due}. {link}"),
        [(StaffReminder, "ru")] = new("{number}: срок {due}", "Приближается срок по обращению {number}: {due}. {link}"),
        [(StaffReminder, "en")] = new("{number}: due {due}", "Appeal {number} is due on {due}. {link}"),

        [(StaffOverdue, "kk")] = new("{number} мерзімі өтті", "{assignee} қарап жатқан {number} өтінішінің мерзімі {due} өтіп кетті. {link}"),
        [(StaffOverdue, "ru")] = new("{number}: срок нарушен", "Обращение {number} ({assignee}) не рассмотрено в срок, срок был {due}. {link}"),
        [(StaffOverdue, "en")] = new("{number} is overdue", "Appeal {number} ({assignee}) missed its due date of {due}. {link}"),

        [(ReceptionBooked, "kk")] = new("Қабылдауға жазылдыңыз: {when}", "Сіз {when} учаскелік инспектор {inspector} қабылдауына жазылдыңыз. Орны: {place}. Жазылуды осы сілтеме арқылы болдырмауға болады: {link}"),
        [(ReceptionBooked, "ru")] = new("Вы записаны на приём: {when}", "Вы записаны на приём к участковому инспектору {inspector} {when}. Место: {place}. Отменить запись можно по ссылке: {link}"),
        [(ReceptionBooked, "en")] = new("Your reception is booked: {when}", "You are booked to see district inspector {inspector} on {when}. Place: {place}. To cancel, use this link: {link}"),

        [(ReceptionReminder, "kk")] = new("Ертең қабылдау: {when}", "Еске саламыз: {when} учаскелік инспектор {inspector} қабылдауы. Орны: {place}. Келе алмасаңыз, болдырмаңыз: {link}"),
        [(ReceptionReminder, "ru")] = new("Завтра приём: {when}", "Напоминаем: {when} приём у участкового инспектора {inspector}. Место: {place}. Если не сможете прийти, отмените запись: {link}"),
        [(ReceptionReminder, "en")] = new("Reception tomorrow: {when}", "A reminder: your reception with district inspector {inspector} is on {when}. Place: {place}. If you cannot come, please cancel: {link}"),

        [(ReceptionCancelled, "kk")] = new("Қабылдау болдырылмады: {when}", "{when} учаскелік инспектор {inspector} қабылдауына жазылу болдырылмады."),
        [(ReceptionCancelled, "ru")] = new("Приём отменён: {when}", "Запись на приём к участковому инспектору {inspector} {when} отменена."),
        [(ReceptionCancelled, "en")] = new("Reception cancelled: {when}", "Your reception with district inspector {inspector} on {when} is cancelled."),

        [(StaffReportMeetingDue, "kk")] = new("{quarter}: тұрғындар алдындағы есеп беру кездесуі өткізілмеді", "{inspector} ({beats}) {quarter} тоқсанында тұрғындар алдында есеп беру кездесуін әлі өткізген жоқ. Тоқсанның соңғы күні: {last}. {link}"),
        [(StaffReportMeetingDue, "ru")] = new("{quarter}: отчётная встреча с населением не проведена", "{inspector} ({beats}) ещё не провёл отчётную встречу с населением в квартале {quarter}. Последний день квартала: {last}. {link}"),
        [(StaffReportMeetingDue, "en")] = new("{quarter}: the report meeting to residents is not held yet", "{inspector} ({beats}) has not yet held the report meeting to residents in {quarter}. The quarter ends on {last}. {link}"),

        [(StaffReportsReady, "kk")] = new("{quarter}: тоқсандық есептер жариялауға дайын", "{quarter} тоқсанының {count} есебі деректерден жасалды және сіздің мақұлдауыңызды күтуде. Әр жобаны оқып, жариялаңыз: {link}"),
        [(StaffReportsReady, "ru")] = new("{quarter}: квартальные отчёты готовы к публикации", "{count} отчётов за квартал {quarter} составлены по данным и ждут вашего утверждения. Прочтите каждый черновик и опубликуйте его: {link}"),
        [(StaffReportsReady, "en")] = new("{quarter}: the quarterly reports are ready to publish", "{count} reports of {quarter} are drafted from the records and wait for your approval. Read each draft and publish it: {link}"),

        [(StaffPreventionDue, "kk")] = new("Профилактикалық жоспар: {date} күнге {count} іс-шара", "{date} күні профилактикалық жоспарлар бойынша {count} іс-шара орындалуы тиіс. Күн тізімі мен бағыт: {link}"),
        [(StaffPreventionDue, "ru")] = new("План профилактики: {count} мероприятий на {date}", "На {date} по планам профилактики запланировано мероприятий: {count}. Список дня и маршрут: {link}"),
        [(StaffPreventionDue, "en")] = new("Prevention plans: {count} actions due on {date}", "{count} prevention plan actions are due on {date}. Your day list and route: {link}"),

        [(SubscriptionConfirm, "kk")] = new("Жазылымды растаңыз: {scope}", "{scope} полиция хабарламаларына жазылуды растау үшін сілтемені ашыңыз: {link}\nЕгер сіз жазылмаған болсаңыз, бұл хатқа жауап бермеңіз."),
        [(SubscriptionConfirm, "ru")] = new("Подтвердите подписку: {scope}", "Чтобы подтвердить подписку на сообщения полиции ({scope}), откройте ссылку: {link}\nЕсли вы не подписывались, просто не отвечайте."),
        [(SubscriptionConfirm, "en")] = new("Confirm your subscription: {scope}", "To confirm your subscription to police messages for {scope}, open this link: {link}\nIf you did not subscribe, ignore this message."),

        [(Mailing, "kk")] = new("{subject}", "{text}\n\n{scope} · Жазылымнан бас тарту: {link}"),
        [(Mailing, "ru")] = new("{subject}", "{text}\n\n{scope} · Отписаться: {link}"),
        [(Mailing, "en")] = new("{subject}", "{text}\n\n{scope} · Unsubscribe: {link}"),

        // Neutral on purpose: an SMS or a subject line is read on a lock screen, maybe by the very person the case is about.
        [(DomesticViolenceMessage, "kk")] = new("Хабарлама", "{text}"),
        [(DomesticViolenceMessage, "ru")] = new("Сообщение", "{text}"),
        [(DomesticViolenceMessage, "en")] = new("A message", "{text}"),

        [(StaffSafetyEscalated, "kk")] = new("{reference}: кезекші бөлім қабылдамады ({level}-деңгей)", "{received} түскен {what} ({place}) кезекші бөлімде әлі ешкім қабылдаған жоқ. Пульт: {link}"),
        [(StaffSafetyEscalated, "ru")] = new("{reference}: не принято дежурной частью (уровень {level})", "{what} ({place}), поступило {received}, до сих пор никем не принято в дежурной части. Пульт: {link}"),
        [(StaffSafetyEscalated, "en")] = new("{reference}: not taken by the duty unit (level {level})", "{what} ({place}), received {received}, has not been taken by anyone on the duty console. Console: {link}"),
        [(StaffPermitExpiring, "kk")] = new("Қару рұқсаты {date} күні аяқталады", "Учаскеңіздегі қару иесінің рұқсатының мерзімі {date} күні аяқталады. Иесінің картасы: {link}"),
        [(StaffPermitExpiring, "ru")] = new("Разрешение на оружие истекает {date}", "Срок разрешения владельца оружия на вашем участке истекает {date}. Карточка владельца: {link}"),
        [(StaffPermitExpiring, "en")] = new("A weapon permit expires on {date}", "A permit of a weapon holder on your beat expires on {date}. The holder's file: {link}"),
    };

    public static IEnumerable<string> Keys => All.Keys.Select(k => k.Key).Distinct();
}
