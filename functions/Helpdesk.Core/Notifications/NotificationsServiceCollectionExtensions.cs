using Helpdesk.Core.Email;
using Helpdesk.Core.Security;
using Helpdesk.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>
    /// Notifications: outbound mail through <see cref="IEmailSender"/> (<c>Helpdesk:Email:Provider</c> picks SMTP with
    /// MailKit or the ACS Email REST API; a host or test may register its own sender first) and the requester's
    /// acknowledgment of a new ticket, at most <c>Helpdesk:Notifications:MaxAcknowledgmentsPerRecipientPerHour</c> per
    /// address (counted in table <see cref="AcknowledgmentLimiter.TableName"/>).
    /// </summary>
    public static IServiceCollection AddHelpdeskNotifications(this IServiceCollection services)
    {
        // Every mail of a ticket carries signed threading identifiers (Message-ID, Reply-To).
        services.AddHelpdeskSigning();
        services.AddOptions<MailThreadOptions>().BindConfiguration(MailThreadOptions.Section);
        services.TryAddSingleton<MailThreadAddresses>();
        services.AddValidatedOptions<SmtpOptions, SmtpOptionsValidator>(SmtpOptions.Section);
        services.AddValidatedOptions<EmailOptions, EmailOptionsValidator>(EmailOptions.Section);
        services.AddValidatedOptions<NotificationOptions, NotificationOptionsValidator>(NotificationOptions.Section);
        services.AddStorageResources(StorageResourceKind.Table, AcknowledgmentLimiter.TableName);
        services.TryAddSingleton<AcknowledgmentLimiter>();
        services.TryAddSingleton<SmtpEmailSender>();
        services.AddHttpClient<AcsEmailSender>()
            // The sender lives as long as its singleton consumers: rotate pooled connections (DNS) instead of handlers.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.TryAddSingleton<IEmailSender>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.UsesAcs
            ? sp.GetRequiredService<AcsEmailSender>()
            : sp.GetRequiredService<SmtpEmailSender>());
        // The acknowledgment links the status page and skips bounced addresses (Conversation/).
        services.TryAddSingleton<Conversation.StatusLinks>();
        services.TryAddSingleton<Conversation.BouncedAddresses>();
        services.AddStorageResources(StorageResourceKind.Table, Conversation.BouncedAddresses.TableName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Tickets.ITicketEventHandler, AcknowledgmentMail>());
        return services;
    }
}
