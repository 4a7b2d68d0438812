using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Uchastok.Rules.Protocols;

namespace Uchastok.Web.Protocols;

/// <summary>
/// What the server knows of the drafter, whatever the form says: who he is and how he is named in the protocol.
/// <see cref="PositionCode"/> names the position as a text key (<c>Position.DistrictInspector</c> from his officer
/// record, <c>Role.JuvenileInspector</c> from his account), so a copy prints it in its own language.
/// </summary>
public sealed record DrafterFacts(string UserId, int? OfficerId, int DistrictId, string? Iin, string Position, string SurnameInitials, string PositionCode);

/// <summary>One signer's part of the hashed content: the image's SHA-256, or the refusal and its reason.</summary>
public sealed record SignatureContent(string Role, string? ImageSha256, bool Refused, string? Reason);

/// <summary>
/// The content of a protocol as stored and hashed (see the module README): the form's document with the
/// facts it cannot be trusted with taken out and the drafter's name and position put in from his record;
/// the copy the rules evaluate, which has the facts back; and the canonical hash over type, document and
/// signatures, which the browser computes the same way.
/// </summary>
public static class ProtocolContent
{
    /// <summary>The roles a signature may have; the two witnesses are numbered in the order the document lists them.</summary>
    public static readonly string[] SignerRoles = ProtocolSigners.Roles;

    /// <summary>The stored document: the form's, without <c>drafter.accountId</c>, <c>drafter.iin</c> and the witnesses' <c>policeOfficer</c>, with the drafter's record (position, its code, surname and initials).</summary>
    public static JsonObject Stored(JsonElement form, DrafterFacts drafter)
    {
        var document = JsonNode.Parse(form.GetRawText())!.AsObject();
        var drafterNode = document["drafter"] as JsonObject ?? new JsonObject();
        drafterNode.Remove("accountId");
        drafterNode.Remove("iin");
        drafterNode["position"] = drafter.Position;
        drafterNode["positionCode"] = drafter.PositionCode;
        drafterNode["surnameInitials"] = drafter.SurnameInitials;
        document["drafter"] = drafterNode;
        if (document["witnesses"] is JsonArray witnesses)
            foreach (var witness in witnesses.OfType<JsonObject>()) witness.Remove("policeOfficer");
        return document;
    }

    /// <summary>The copy the rules see: the stored document with the drafter's account and IIN and each witness's police flag, all from the server's records.</summary>
    public static JsonElement ForEvaluation(JsonObject stored, DrafterFacts drafter, IReadOnlyList<bool> witnessIsPolice)
    {
        var document = stored.DeepClone().AsObject();
        var drafterNode = document["drafter"]!.AsObject();
        drafterNode["accountId"] = drafter.UserId;
        if (drafter.Iin is not null) drafterNode["iin"] = drafter.Iin;
        if (document["witnesses"] is JsonArray witnesses)
            for (var i = 0; i < witnesses.Count && i < witnessIsPolice.Count; i++)
                if (witnesses[i] is JsonObject witness) witness["policeOfficer"] = witnessIsPolice[i];
        return JsonSerializer.SerializeToElement(document);
    }

    /// <summary>The canonical content: <c>{type, document, signatures}</c>, signatures in the order of <see cref="SignerRoles"/>.</summary>
    public static JsonElement Canonical(string type, JsonObject document, IEnumerable<SignatureContent> signatures) =>
        JsonSerializer.SerializeToElement(new JsonObject { ["type"] = type, ["document"] = document.DeepClone(), ["signatures"] = Signatures(signatures) });

    /// <summary>The signatures as hashed, which is also what <see cref="ProtocolChecks.EvaluateSignatures"/> judges (and the tablet's twin).</summary>
    public static JsonElement SignaturesForEvaluation(IEnumerable<SignatureContent> signatures) => JsonSerializer.SerializeToElement(Signatures(signatures));

    private static JsonArray Signatures(IEnumerable<SignatureContent> signatures)
    {
        var list = new JsonArray();
        foreach (var signature in signatures.OrderBy(s => Array.IndexOf(SignerRoles, s.Role)))
        {
            var item = new JsonObject { ["role"] = signature.Role };
            if (signature.Refused)
            {
                item["refused"] = true;
                item["reason"] = signature.Reason;
            }
            else item["imageSha256"] = signature.ImageSha256;
            list.Add(item);
        }
        return list;
    }

    public static string Hash(string type, JsonObject document, IEnumerable<SignatureContent> signatures) =>
        ProtocolCanonical.Sha256Hex(Canonical(type, document, signatures));

    /// <summary>An addendum's hash: its text and signature chained to the hash before it (the protocol's, or the previous addendum's).</summary>
    public static string AddendumHash(string previousSha256, string text, string signatureSha256) =>
        ProtocolCanonical.Sha256Hex(JsonSerializer.SerializeToElement(new JsonObject
        {
            ["previous"] = previousSha256, ["text"] = text, ["signatureSha256"] = signatureSha256,
        }));

    public static string ImageSha256(byte[] image) => Convert.ToHexStringLower(SHA256.HashData(image));

    /// <summary>The figures the supervisor's view counts without decrypting: witnesses, "nothing found", items, seized firearms.</summary>
    public static (int Witnesses, bool NothingFound, int Items, int SeizedFirearms) Figures(JsonObject document)
    {
        var items = document["items"] as JsonArray ?? [];
        return (
            (document["witnesses"] as JsonArray)?.Count ?? 0,
            document["nothingFound"] is JsonValue found && found.TryGetValue<bool>(out var yes) && yes,
            items.Count,
            items.OfType<JsonObject>().Count(item => item["kind"]?.GetValueKind() == JsonValueKind.String && item["kind"]!.GetValue<string>() == "firearm"
                && item["seized"]?.GetValueKind() == JsonValueKind.True));
    }

    /// <summary>Whether the bytes start as a PNG file does.</summary>
    public static bool IsPng(byte[] bytes) =>
        bytes.Length > 8 && bytes.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
}
