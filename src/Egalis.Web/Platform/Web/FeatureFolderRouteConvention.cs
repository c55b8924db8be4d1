using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Egalis.Web.Platform.Web;

/// <summary>
/// Pages live in Features/&lt;Module&gt;/Pages/; their URLs drop the « Pages » segment
/// (Features/Compte/Pages/Connexion.cshtml answers at /compte/connexion).
/// </summary>
public sealed class FeatureFolderRouteConvention : IPageRouteModelConvention
{
    public void Apply(PageRouteModel model)
    {
        foreach (var selector in model.Selectors)
        {
            var route = selector.AttributeRouteModel;
            if (route?.Template is null)
            {
                continue;
            }
            var segments = route.Template.Split('/').Where(s => s != "Pages");
            route.Template = string.Join('/', segments);
        }
    }
}
