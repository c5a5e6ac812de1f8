using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Tickets;

public sealed class TicketNumberingOptionsValidator : IValidateOptions<TicketNumberingOptions>
{
    /// <summary>Numbers stay below this so that the reversed row keys of the requester index keep ten digits.</summary>
    public const int MaxFirstNumber = 1_000_000_000;

    public ValidateOptionsResult Validate(string? name, TicketNumberingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.FirstNumber is >= 1 and < MaxFirstNumber
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{TicketNumberingOptions.Section}:FirstNumber must be between 1 and {MaxFirstNumber - 1} (got {options.FirstNumber}).");
    }
}
