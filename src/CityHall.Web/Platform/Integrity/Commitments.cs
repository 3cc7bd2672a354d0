using System.Security.Cryptography;
using System.Text;

namespace CityHall.Web.Platform.Integrity;

/// <summary>
/// How a person appears on a public chain (a proposal's supports, a poll's ballots): a keyed hash of their verified
/// identity under the record's own salt. The same person gives the same commitment within one record, so one person
/// counts once, and unrelated ones across records; without the salt no one can tell who it is.
/// </summary>
public static class Commitments
{
    public static string Of(byte[] salt, string identityKey) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(identityKey)));
}
