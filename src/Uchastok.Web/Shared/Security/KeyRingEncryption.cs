using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;
using Uchastok.Web.Shared.Data;

namespace Uchastok.Web.Shared.Security;

/// <summary>
/// Encrypts, in place, keys that were stored before the key ring was encrypted. The framework
/// reads an unencrypted key as it is (so IINs protected with it keep decrypting) but never rewrites
/// it: without this, the old keys — which decrypt every IIN stored before — would stay readable in
/// every copy of the database for good. The key material does not change, only how it is kept.
/// </summary>
public static class KeyRingEncryption
{
    private static readonly XNamespace DataProtection = "http://schemas.asp.net/2015/03/dataProtection";

    public static async Task<int> EncryptPlainKeysAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        var encryptor = new CertificateXmlEncryptor(
            scope.ServiceProvider.GetRequiredService<KeyRingCertificate>().Current, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
        var encrypted = 0;
        foreach (var key in await db.DataProtectionKeys.Where(k => k.Xml != null && !k.Xml.Contains("encryptedSecret")).ToListAsync(cancellationToken))
        {
            if (Encrypt(key.Xml!, encryptor) is not { } xml) continue;
            key.Xml = xml;
            encrypted++;
        }
        if (encrypted > 0) await db.SaveChangesAsync(cancellationToken);
        return encrypted;
    }

    /// <summary>The key's XML with every element marked <c>requiresEncryption</c> (its master key) encrypted, as the framework writes a new key; null when there is none.</summary>
    public static string? Encrypt(string keyXml, IXmlEncryptor encryptor)
    {
        var key = XElement.Parse(keyXml);
        var secrets = key.Descendants().Where(e => (bool?)e.Attribute(DataProtection + "requiresEncryption") == true).ToList();
        if (secrets.Count == 0) return null;
        foreach (var secret in secrets)
        {
            var info = encryptor.Encrypt(new XElement(secret));
            secret.ReplaceWith(new XElement(DataProtection + "encryptedSecret",
                new XAttribute("decryptorType", info.DecryptorType.AssemblyQualifiedName!), info.EncryptedElement));
        }
        return key.ToString(SaveOptions.DisableFormatting);
    }
}
