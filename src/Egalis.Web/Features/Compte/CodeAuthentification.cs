namespace Egalis.Web.Features.Compte;

/// <summary>The 6-digit code of an authenticator app, as people type it (« 123 456 » is fine).</summary>
public static class CodeAuthentification
{
    public const string Motif = @"^\s*\d{3}\s?\d{3}\s*$";
    public const string MessageFormat = "Le code est fait de 6 chiffres, par exemple 123456.";
    public const string MessageObligatoire = "Saisissez le code affiché par votre application.";

    public static string Normaliser(string code) => code.Replace(" ", "", StringComparison.Ordinal).Trim();
}
