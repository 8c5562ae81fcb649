package io.originate.application;

import io.originate.shared.Refusal;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Resolves {@link ApplicantAccess} parameters from the authenticated applicant. */
@Configuration(proxyBeanMethods = false)
class ApplicantAccessResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private final LoanApplications applications;

    ApplicantAccessResolver(LoanApplications applications) {
        this.applications = applications;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(ApplicantAccess.class)
                && parameter.getParameterType() == LoanApplication.class;
    }

    @Override
    public LoanApplication resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer container,
            NativeWebRequest request,
            WebDataBinderFactory binders) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Applicant applicant)) {
            throw Refusal.notFound(); // fails closed: no applicant, no application
        }
        return applications.get(applicant.applicationId());
    }
}
