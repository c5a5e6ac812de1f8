
namespace Helpdesk.Core.Sla;

public sealed record SlaCalendars(BusinessCalendar Business)
{
    public BusinessCalendar For(bool twentyFourSeven) => twentyFourSeven ? BusinessCalendar.Always : Business;
}
