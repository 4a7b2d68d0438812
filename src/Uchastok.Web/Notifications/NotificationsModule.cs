using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Notifications;

public static class NotificationsModule
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("Notifications").Get<NotificationSettings>() ?? new NotificationSettings();
        services.AddSingleton(settings);
        services.AddSingleton<SiteSettings>(settings);
        services.AddSingleton<TemplateStore>();
        services.AddSingleton<OutboxSignal>();
        services.AddScoped<Outbox>();
        services.AddScoped<OutboxAdministration>();
        if (!string.IsNullOrWhiteSpace(settings.Smtp.Host))
            services.AddSingleton<IMessageSender>(new SmtpEmailSender(settings.Smtp));
        else
            services.AddSingleton<IMessageSender>(sp => ActivatorUtilities.CreateInstance<SinkSender>(sp, NotificationChannel.Email));
        // SMS goes through a gateway contract not yet signed; until then it lands in the sink.
        services.AddSingleton<IMessageSender>(sp => ActivatorUtilities.CreateInstance<SinkSender>(sp, NotificationChannel.Sms));
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
