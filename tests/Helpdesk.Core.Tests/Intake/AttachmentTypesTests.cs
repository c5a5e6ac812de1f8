using System.Security.Cryptography;
using System.Text;
using Helpdesk.Core.Intake;

namespace Helpdesk.Core.Tests.Intake;

public class AttachmentTypesTests
{
    public static TheoryData<string, byte[], bool> Heads => new()
    {
        { ".pdf", [.. "%PDF-1.4\n"u8], true },
        { ".pdf", [0x4D, 0x5A, 0x90, 0x00], false }, // MZ: a Windows executable
        { ".pdf", [.. "%PDF"u8], false },
        { ".png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0], true },
        { ".png", [0x89, 0x50, 0x4E, 0x47], false },
        { ".png", [.. "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"u8], false },
        { ".jpg", [0xFF, 0xD8, 0xFF, 0xDB], true },
        { ".jpeg", [0xFF, 0xD8, 0xFF, 0xE1], true },
        { ".jpg", [0xFF, 0xD8], false },
        { ".gif", [.. "GIF87a"u8], true },
        { ".gif", [.. "GIF89a"u8], true },
        { ".gif", [.. "GIF90a"u8], false },
        { ".webp", [.. "RIFF\x24\0\0\0WEBPVP8L"u8], true },
        { ".webp", [.. "RIFF\x24\0\0\0AVI LIST"u8], false },
        { ".webp", [.. "RIFF"u8], false },
        { ".docx", [0x50, 0x4B, 0x03, 0x04, 0x14], true },
        { ".xlsx", [0x50, 0x4B, 0x03, 0x04], true },
        { ".pptx", [0x50, 0x4B, 0x05, 0x06], false },
        { ".zip", [0x50, 0x4B, 0x03, 0x04], true },
        { ".zip", [0x4D, 0x5A], false },
        { ".msg", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], true },
        { ".msg", [0xD0, 0xCF, 0x11, 0xE0], false },
        { ".txt", [.. "Bonjour"u8], true },
        { ".txt", [], true },
        { ".txt", [.. "<!DOCTYPE html><p>x"u8], false },
        { ".log", [0xEF, 0xBB, 0xBF, .. "\n <HTML>"u8], false },
        { ".csv", [.. "<svg onload=alert(1)>"u8], false },
        { ".csv", [.. "<b>not a page</b>;2"u8], true },
        { ".eml", [.. "From: a@b.be\r\n"u8], true },
    };

    [Theory]
    [MemberData(nameof(Heads))]
    public void FirstBytes_MustFitTheExtension(string extension, byte[] head, bool fits)
    {
        Assert.Equal(fits, AttachmentTypes.ForExtension(extension)!.MatchesHead(head));
    }

    [Fact]
    public void EveryDefaultExtension_IsOneIntakeCanCheck()
    {
        Assert.All(new IntakeOptions().AllowedExtensions, e => Assert.NotNull(AttachmentTypes.ForExtension(e)));
        Assert.Null(AttachmentTypes.ForExtension(".exe"));
        Assert.Null(AttachmentTypes.ForExtension(".svg"));
        Assert.Null(AttachmentTypes.ForExtension(".html"));
    }

    [Fact]
    public void AnExtensionIntakeCannotCheck_StopsTheHost()
    {
        var result = new IntakeOptionsValidator().Validate(null, new IntakeOptions { AllowedExtensions = [".pdf", ".heic"] });

        Assert.True(result.Failed);
        Assert.Contains(".heic", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".pdf", "application/pdf", true)]
    [InlineData(".pdf", "application/octet-stream", true)]
    [InlineData(".pdf", null, true)]
    [InlineData(".pdf", "image/png", false)]
    [InlineData(".png", "image/svg+xml", false)]
    [InlineData(".txt", "text/html", false)]
    [InlineData(".csv", "application/vnd.ms-excel", true)]
    [InlineData(".zip", "application/x-msdownload", false)]
    public void DeclaredType_MustAgreeWithTheExtension(string extension, string? declared, bool accepted)
    {
        Assert.Equal(accepted, AttachmentTypes.ForExtension(extension)!.Accepts(declared));
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\windows\\system32\\cmd.txt", "cmd.txt")]
    [InlineData("a\u0000b.txt", "ab.txt")]
    [InlineData("rapport\u202Efdp.exe", "rapportfdp.exe")]
    [InlineData("\u200Bnote.txt", "note.txt")]
    [InlineData("..", "file")]
    [InlineData("../", "file")]
    [InlineData("\u0000\u0001", "file")]
    [InlineData("", "file")]
    [InlineData("scan.pdf. ", "scan.pdf")]
    [InlineData("  écran.png", "écran.png")]
    public void DisplayNames_HaveNoPathNoInvisibleCharacters_AndAreNeverEmpty(string sent, string shown)
    {
        Assert.Equal(shown, AttachmentStore.DisplayName(sent));
    }

    [Fact]
    public void LongDisplayNames_AreCutToOneHundred_KeepingTheExtension()
    {
        var name = AttachmentStore.DisplayName(new string('x', 98) + "😀😀😀.pdf");

        Assert.Equal(new string('x', 96) + ".pdf", name); // the emoji's pair is never split
        Assert.True(AttachmentStore.DisplayName(new string('a', 500)).Length == 100);
    }

    [Fact]
    public async Task UploadStream_HashesCountsAndPassesEveryByte_WithTheHeadFirst()
    {
        var content = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Réseau coupé — 😀 ", 2000)));
        using var stream = new UploadStream(content.AsMemory(0, 512), new OneByteAtATime(content[512..]), 1_000_000, text: true, "log.txt");

        var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        Assert.Equal(content, copy.ToArray());
        Assert.Equal(content.Length, stream.BytesRead);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), stream.Sha256);
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0x00, 0x62 })]             // NUL
    [InlineData(new byte[] { 0x63, 0x61, 0x66, 0xE9, 0x0A })] // Latin-1 é
    [InlineData(new byte[] { 0x61, 0xF0, 0x9F, 0x98 })]       // a sequence cut at the end
    [InlineData(new byte[] { 0xC0, 0xAF })]                   // overlong encoding
    public async Task UploadStream_RefusesTextThatIsNotUtf8WithoutNul(byte[] content)
    {
        using var stream = new UploadStream(ReadOnlyMemory<byte>.Empty, new OneByteAtATime(content), 1000, text: true, "log.txt");

        await Assert.ThrowsAsync<AttachmentContentException>(() => stream.CopyToAsync(Stream.Null));
    }

    [Fact]
    public async Task UploadStream_StopsPastTheLimit()
    {
        using var stream = new UploadStream(new byte[10], new MemoryStream(new byte[100]), 50, text: false, "scan.pdf");

        await Assert.ThrowsAsync<AttachmentTooLargeException>(() => stream.CopyToAsync(Stream.Null));
    }

    /// <summary>A body that arrives one byte per read: multi-byte characters are split across reads.</summary>
    private sealed class OneByteAtATime(byte[] content) : MemoryStream(content)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(1, buffer.Length)], cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(1, count));
    }
}
