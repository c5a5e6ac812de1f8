using Helpdesk.Core.Http;
using Helpdesk.Core.Intake;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.Sla;
using Helpdesk.Core.Storage;
using Helpdesk.Core.Tickets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core;

/// <summary>The one registration of the application core, shared by both hosts.</summary>
public static class HelpdeskCoreRegistration
{
    public static IServiceCollection AddHelpdeskCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);

        services.AddValidatedOptions<HelpdeskOptions, HelpdeskOptionsValidator>(configuration, HelpdeskOptions.Section);
        services.AddValidatedOptions<StorageOptions, StorageOptionsValidator>(configuration, StorageOptions.Section);
        services.AddValidatedOptions<SmtpOptions, SmtpOptionsValidator>(configuration, SmtpOptions.Section);
        services.AddValidatedOptions<EmailOptions, EmailOptionsValidator>(configuration, EmailOptions.Section);
        services.AddValidatedOptions<PriorityMatrixOptions, PriorityMatrixOptionsValidator>(configuration, PriorityMatrixOptions.Section);
        services.AddOptions<IntakeOptions>().BindConfiguration(IntakeOptions.Section).ValidateOnStart();
        services.AddOptions<TicketNumberingOptions>().BindConfiguration(TicketNumberingOptions.Section).ValidateOnStart();

        services.AddSingleton<StorageClients>();
        services.AddHostedService<StorageInitializer>();

        // Tickets
        services.AddSingleton<TicketStore>();
        services.AddSingleton<TicketIndex>();
        services.AddSingleton<PriorityMatrix>();
        services.AddHelpdeskSla();
        services.TryAddSingleton<ITicketDeadlines, SlaDeadlines>();
        services.AddSingleton<ITicketEventPublisher, QueueTicketEventPublisher>();
        services.AddSingleton<TicketEventDispatcher>();
        services.AddSingleton<TicketService>();

        // Intake
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<IntakeOptions>>().Value);
        services.AddSingleton<SubmissionValidator>();
        services.AddSingleton<AttachmentStore>();
        services.AddSingleton<SubmissionReader>();
        services.AddSingleton<TicketIntake>();
        services.AddSingleton<TicketApi>();

        // Notifications
        // Helpdesk:Email:Provider picks the adapter; a host or test may register its own IEmailSender first.
        services.TryAddSingleton<SmtpEmailSender>();
        services.AddHttpClient<AcsEmailSender>()
            // The sender lives as long as its singleton consumers: rotate pooled connections (DNS) instead of handlers.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.TryAddSingleton<IEmailSender>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.UsesAcs
            ? sp.GetRequiredService<AcsEmailSender>()
            : sp.GetRequiredService<SmtpEmailSender>());
        services.AddSingleton<ITicketEventHandler, AcknowledgmentMail>();
        return services;
    }

    private static void AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
    }
}
