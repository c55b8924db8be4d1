using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Egalis.BrowserTests;

/// <summary>A fresh browser context per test, axe-core checks, and a screenshot when a test fails.</summary>
public abstract class BrowserTest(SiteFixture site)
{
    protected SiteFixture Site { get; } = site;

    protected async Task WithPageAsync(string name, Func<IPage, Task> test, int width = 1280)
    {
        await using var context = await Site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Site.BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            Locale = "fr-FR",
        });
        var page = await context.NewPageAsync();
        try
        {
            await test(page);
        }
        catch
        {
            Directory.CreateDirectory(SiteFixture.ResultsFolder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteFixture.ResultsFolder, $"{name}.png"), FullPage = true });
            throw;
        }
    }

    /// <summary>Fails with the list of WCAG 2.1 A/AA violations axe-core finds on the page.</summary>
    protected static async Task AssertNoAxeViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var report = string.Join("\n", result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}) : {v.Help} → {string.Join(" | ", v.Nodes.Select(n => string.Join(" ", n.Target)))}"));
        Assert.True(result.Violations.Length == 0, $"{page.Url}\n{report}");
    }

    /// <summary>Presses Tab until the element with this id has the focus (as a keyboard user would).</summary>
    protected static async Task TabToAsync(IPage page, string id, int maxPresses = 30)
    {
        for (var i = 0; i < maxPresses; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<string>("() => document.activeElement && document.activeElement.id") == id)
            {
                return;
            }
        }
        throw new InvalidOperationException($"#{id} n'est pas atteignable au clavier en {maxPresses} tabulations.");
    }

    protected static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/compte/connexion");
        await page.GetByLabel("Adresse électronique").FillAsync(email);
        await page.GetByLabel("Mot de passe", new PageGetByLabelOptions { Exact = false }).First.FillAsync("Egalis-demo-2026");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Se connecter" }).Last.ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/compte/connexion", StringComparison.Ordinal));
    }
}
