using Microsoft.Playwright;

namespace Egalis.BrowserTests;

[Collection(SiteCollection.Name)]
public class PagesTests(SiteFixture site) : BrowserTest(site)
{
    [Fact]
    public Task Home_has_no_accessibility_violation_and_a_working_skip_link() => WithPageAsync("accueil", async page =>
    {
        await page.GotoAsync("/");
        Assert.Equal("Accueil – Egalis, Métropole Aix-Marseille-Provence", await page.TitleAsync());
        await AssertNoAxeViolationsAsync(page);
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Aller au contenu", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("contenu", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    });

    [Fact]
    public Task Login_page_has_no_accessibility_violation() => WithPageAsync("connexion", async page =>
    {
        await page.GotoAsync("/compte/connexion");
        await AssertNoAxeViolationsAsync(page);
    });

    [Fact]
    public Task Login_works_with_the_keyboard_alone() => WithPageAsync("connexion-clavier", async page =>
    {
        await page.GotoAsync("/compte/connexion");
        await TabToAsync(page, "Input_Email");
        await page.Keyboard.TypeAsync("agent@egalis.local");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Input_MotDePasse", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.TypeAsync("Egalis-demo-2026");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/compte/connexion", StringComparison.Ordinal));
        Assert.Contains("Connecté : Aya Agente", await page.InnerTextAsync("header"));
    });

    [Fact]
    public Task A_failed_login_moves_the_focus_to_the_error_summary() => WithPageAsync("connexion-erreurs", async page =>
    {
        await page.GotoAsync("/compte/connexion");
        await TabToAsync(page, "Input_Email");
        await page.Keyboard.PressAsync("Enter");
        // Fails by timeout if the summary never receives the focus.
        await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.hasAttribute('data-resume-erreurs')",
            null, new PageWaitForFunctionOptions { Timeout = 5000 });
        Assert.StartsWith("Erreur : ", await page.TitleAsync());
        await AssertNoAxeViolationsAsync(page);
        // The summary's link takes the keyboard user to the field.
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("Input_Email", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    });

    [Fact]
    public Task Admin_users_pages_have_no_accessibility_violation() => WithPageAsync("administration-utilisateurs", async page =>
    {
        await SignInAsync(page, "admin@egalis.local");
        await page.GotoAsync("/administration/utilisateurs");
        Assert.Contains("Alice Admin", await page.InnerTextAsync("main"));
        await AssertNoAxeViolationsAsync(page);
        await page.GotoAsync("/administration/utilisateur");
        await AssertNoAxeViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Inviter" }).ClickAsync();
        await page.WaitForSelectorAsync("[data-resume-erreurs]");
        await AssertNoAxeViolationsAsync(page);
    });

    [Fact]
    public Task Territories_page_has_no_accessibility_violation() => WithPageAsync("territoires", async page =>
    {
        await page.GotoAsync("/territoires");
        await AssertNoAxeViolationsAsync(page);
    });

    [Theory]
    [InlineData("/")]
    [InlineData("/compte/connexion")]
    [InlineData("/territoires")]
    public Task Pages_fit_a_320_pixel_screen(string url) => WithPageAsync("320px" + url.Replace('/', '_'), async page =>
    {
        await page.GotoAsync(url);
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 320, $"{url} : {width} px de large à 320 px");
    }, width: 320);

    /// <summary>The staff's pages too: tables scroll inside their frame, hidden labels do not widen the page.</summary>
    [Theory]
    [InlineData("/administration/utilisateurs")]
    [InlineData("/administration/journal")]
    [InlineData("/budget?annee=2020")]
    [InlineData("/deliberations/assemblee/4")]
    [InlineData("/deliberations/gestion")]
    public Task Staff_pages_fit_a_320_pixel_screen(string url) => WithPageAsync("320px-personnel" + url.Replace('/', '_').Replace('?', '_'), async page =>
    {
        await SignInAsync(page, "admin@egalis.local");
        await page.GotoAsync(url);
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= 320, $"{url} : {width} px de large à 320 px");
    }, width: 320);
}
