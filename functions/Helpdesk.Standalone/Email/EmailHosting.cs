using Helpdesk.Core;

namespace Helpdesk.Standalone.Email;

/// <summary>Inbound mail's bindings on this host: the inbound key, the <c>inbound-email</c> queue listener and the optional SMTP listener.</summary>
public static class EmailHosting
{
    public static IServiceCollection AddHelpdeskEmailListeners(this IServiceCollection services)
    {
        services.AddValidatedOptions<InboundKeyOptions, InboundKeyOptionsValidator>(InboundKeyOptions.Section);
        services.AddValidatedOptions<SmtpIntakeOptions, SmtpIntakeOptionsValidator>(SmtpIntakeOptions.Section);
        services.AddHostedService<InboundMailQueueListener>();
        services.AddSingleton<SmtpIntake>();
        services.AddHostedService(sp => sp.GetRequiredService<SmtpIntake>());
        return services;
    }
}
