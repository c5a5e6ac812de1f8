using System.Globalization;
using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Storage;

public sealed class QueuePollingOptionsValidator : IValidateOptions<QueuePollingOptions>
{
    public ValidateOptionsResult Validate(string? name, QueuePollingOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return o.MaxPollingInterval < QueuePollingOptions.MinAllowed || o.MaxPollingInterval > QueuePollingOptions.MaxAllowed
            ? ValidateOptionsResult.Fail(string.Create(CultureInfo.InvariantCulture,
                $"Helpdesk:Queues:MaxPollingInterval must be between {QueuePollingOptions.MinAllowed:c} and {QueuePollingOptions.MaxAllowed:c} (got {o.MaxPollingInterval:c})."))
            : ValidateOptionsResult.Success;
    }
}
