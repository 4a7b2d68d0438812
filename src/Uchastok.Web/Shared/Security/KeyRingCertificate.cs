using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Uchastok.Web.Shared.Data;

namespace Uchastok.Web.Shared.Security;

/// <summary>
/// The certificate that encrypts the data-protection key ring (the keys of sign-in cookies, tokens
/// and protected IINs) where it is stored, in the database. It lives outside the database, in a
/// PFX file only the service's account may read (0600): a copy of the database without it forges
/// no cookie and decrypts no IIN. Made on first start when the file is missing.
/// </summary>
/// <remarks>
/// <c>DataProtection:CertificatePath</c> (default <c>certificates/data-protection.pfx</c> in the
/// data folder, <c>UCHASTOK_DATA</c>) is the certificate new keys are encrypted with;
/// <c>DataProtection:PreviousCertificatePaths</c> (separated by <c>;</c>) are certificates keys made
/// earlier may still be encrypted with, kept for rotation; <c>DataProtection:CertificatePassword</c>
/// is the PFX's password, if it has one (a made certificate has none: the file's mode protects it).
/// Every web node on one database must have the same certificate: the same file on a shared
/// volume, or copies of it.
/// </remarks>
public sealed record KeyRingCertificate(X509Certificate2 Current, IReadOnlyList<X509Certificate2> Previous)
{
    public const string PathSetting = "DataProtection:CertificatePath";
    public const string PreviousPathsSetting = "DataProtection:PreviousCertificatePaths";
    public const string PasswordSetting = "DataProtection:CertificatePassword";

    public static string DefaultPath(string dataFolder) => Path.Combine(dataFolder, "certificates", "data-protection.pfx");

    public static KeyRingCertificate From(IConfiguration configuration, string dataFolder)
    {
        var path = configuration[PathSetting] is { Length: > 0 } configured ? Path.GetFullPath(configured) : DefaultPath(dataFolder);
        var password = configuration[PasswordSetting] is { Length: > 0 } given ? given : null;
        var previous = (configuration[PreviousPathsSetting] ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => Load(Path.GetFullPath(p), password))
            .ToList();
        return new(LoadOrCreate(path, password), previous);
    }

    public static X509Certificate2 LoadOrCreate(string path, string? password)
    {
        if (!File.Exists(path)) Create(path, password);
        return Load(path, password);
    }

    private static X509Certificate2 Load(string path, string? password) =>
        X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);

    /// <summary>
    /// A self-signed RSA 3072 certificate, written to a temporary file 0600 and moved into place
    /// without overwriting: two nodes starting at once on one shared file end with one certificate.
    /// </summary>
    private static void Create(string path, string? password)
    {
        PrivateFiles.CreateDirectory(Path.GetDirectoryName(path)!);
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=Uchastok data protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        var now = DateTimeOffset.UtcNow;
        // The validity is not checked when keys are decrypted; a long one spares a forced rotation.
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(100));
        var bytes = certificate.Export(X509ContentType.Pfx, password);

        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = PrivateFiles.OwnerOnly;
        using (var stream = new FileStream(temporary, options)) stream.Write(bytes);
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }
}
