namespace Uchastok.Web.Tests.Support;

/// <summary>The read-only shared data folder beside the repository (or <c>UCHASTOK_SHARED_DATA</c>).</summary>
public static class SharedData
{
    public static string Path { get; } = Locate();

    private static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable("UCHASTOK_SHARED_DATA");
        if (!string.IsNullOrEmpty(configured)) return configured;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Uchastok.slnx")))
                return System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared", "data"));
        }
        throw new DirectoryNotFoundException("shared/data not found beside the repository; set UCHASTOK_SHARED_DATA.");
    }
}
