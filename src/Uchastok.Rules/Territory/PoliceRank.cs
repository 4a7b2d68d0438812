namespace Uchastok.Rules.Territory;

/// <summary>Special ranks of the internal affairs bodies that district inspectors and their heads hold.</summary>
public enum PoliceRank
{
    Lieutenant,
    SeniorLieutenant,
    Captain,
    Major,
    LieutenantColonel,
    Colonel,
}
