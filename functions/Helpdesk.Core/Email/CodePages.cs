using System.Runtime.CompilerServices;
using System.Text;

namespace Helpdesk.Core.Email;

/// <summary>
/// Makes every legacy charset (koi8-r, iso-2022-jp, windows-125x, gb2312, shift_jis...) available before MimeKit
/// first looks one up: MimeKit builds its charset table once, and a table built before the code pages were registered
/// would decode such mails as Latin-1 for the life of the process. A module initializer runs before any code of Core.
/// </summary>
internal static class CodePages
{
#pragma warning disable CA2255 // Deliberate: this must run before any library code of the process touches MimeKit.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
}
