namespace Egalis.Tests.Infrastructure;

/// <summary>
/// Marks a test that submits a page's form as rendered (through <see cref="Formulaire"/>), with valid
/// input and with one invalid input, for the named POST handler (« » for the page's default OnPost).
/// <see cref="Platform.FormulairesTests"/> fails when a POST handler of the site has no such test.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class SoumetAttribute(Type page, string handler = "") : Attribute
{
    public Type Page { get; } = page;
    public string Handler { get; } = handler;
}
