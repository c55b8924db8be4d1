using System.Reflection;
using System.Text.RegularExpressions;
using Egalis.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Egalis.Tests.Platform;

/// <summary>Every POST handler of the site has a test that submits its form as the page renders it.</summary>
public partial class FormulairesTests
{
    /// <summary>Handlers with no form of their own: the error page answers a failed POST by re-execution.</summary>
    private static readonly HashSet<(string, string)> SansFormulaire = [("ErreurModel", "")];

    [Fact]
    public void Every_post_handler_is_tested_through_its_rendered_form()
    {
        var handlers = typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(PageModel)) && !t.IsAbstract)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Select(m => Handler().Match(m.Name))
                .Where(m => m.Success)
                .Select(m => (Page: t, Handler: m.Groups[1].Value)))
            .Distinct()
            .ToList();
        Assert.True(handlers.Count > 40, $"{handlers.Count} gestionnaires POST trouvés");
        var testes = typeof(FormulairesTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Where(m => m.GetCustomAttributes<FactAttribute>().Any())
            .SelectMany(m => m.GetCustomAttributes<SoumetAttribute>())
            .Select(a => (a.Page, a.Handler))
            .ToHashSet();
        var manquants = handlers.Where(h => !testes.Contains(h) && !SansFormulaire.Contains((h.Page.Name, h.Handler)))
            .Select(h => $"{h.Page.Name}.OnPost{h.Handler}").Order().ToList();
        Assert.True(manquants.Count == 0, "Sans test du formulaire tel qu'il est rendu : " + string.Join(", ", manquants));
    }

    [GeneratedRegex("^OnPost([A-Za-z]*?)(Async)?$")]
    private static partial Regex Handler();
}
