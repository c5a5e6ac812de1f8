namespace Helpdesk.Core.Tests.Email;

/// <summary>Our own corpus (<c>Email/Corpus/*.eml</c> + <c>manifest.tsv</c>), copied to the test output.</summary>
public static class MailCorpus
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Email", "Corpus");

    /// <summary>The shared real-world corpus beside the repository, read in place when it exists (its licences forbid copying it).</summary>
    public const string SharedFolder = "/work/shared/mail-corpus";

    public static IReadOnlyList<string[]> Manifest(string folder) =>
        [.. File.ReadAllLines(Path.Combine(folder, "manifest.tsv")).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t'))];

    public static byte[] Read(string file) => File.ReadAllBytes(Path.Combine(Folder, file));

    public static IEnumerable<string> Files() => Directory.GetFiles(Folder, "*.eml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;
}
