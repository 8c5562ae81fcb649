package io.originate.process;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * What a model may run, read as XML with its namespaces (whatever prefix a file gives them), every
 * element and attribute looked at, not the text: no scripts, no connectors, no Java classes, and
 * expressions that call only the {@link ProcessBean}s.
 */
final class ModelCode {

    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");
    /** A name that is called, or whose member is used: not after a dot, before "." "(" or "[". */
    private static final Pattern NAME_IN_USE = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)\\s*(?=[.(\\[])");

    /** Members that reach Java reflection, the runtime or the engine itself: never called by a model. */
    private static final Pattern REACHING_OUT = Pattern.compile(
            "\\.\\s*(getClass|class|forName|getRuntime|exec|invoke|newInstance|getClassLoader|getDeclared\\w*"
                    + "|getProcessEngine\\w*|getProcessEngineServices|processEngine\\w*)\\b");

    private static final Pattern BARE_NAME = Pattern.compile("[$#]\\{\\s*(\\w+)\\s*}");
    /** What an expression may call besides the process beans: the engine's own names and functions. */
    private static final Set<String> BUILT_IN = Set.of(
            "execution", "task", "dateTime", "now", "currentUser", "currentUserGroups", "not", "empty", "and", "or");

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    /** Camunda extensions that run code the model brings along, or load a Java class by name. */
    private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("script", "connector");
    /** camunda:… attributes of BPMN elements (service tasks of type shell, external or mail, too). */
    private static final Set<String> FORBIDDEN_ATTRIBUTES =
            Set.of("class", "resource", "type", "variableMappingClass", "decisionRef", "caseRef");
    /** Attributes of Camunda's own elements (a listener with a class). */
    private static final Set<String> FORBIDDEN_EXTENSION_ATTRIBUTES = Set.of("class", "resource");

    private static final Set<String> SCRIPT_ATTRIBUTES = Set.of("language", "scriptFormat");
    private static final Set<String> FORBIDDEN_ACTIVITIES = Set.of("scriptTask", "businessRuleTask");

    private final Set<String> processBeans;

    ModelCode(Set<String> processBeans) {
        this.processBeans = processBeans;
    }

    List<String> problems(byte[] bpmn) {
        List<String> problems = new ArrayList<>();
        code(bpmn, problems);
        return problems;
    }

    /**
     * What the model would run: read as XML with its namespaces (whatever prefix a file gives them),
     * every element and attribute is looked at, not the text.
     */
    private void code(byte[] bpmn, List<String> problems) {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bpmn));
        } catch (Exception e) {
            problems.add("is not well-formed XML without a DOCTYPE: " + e.getMessage());
            return;
        }
        code(document.getDocumentElement(), problems);
    }

    private void code(Element element, List<String> problems) {
        boolean camundaElement = ModelRules.CAMUNDA.equals(element.getNamespaceURI());
        String name = element.getLocalName();
        if (camundaElement && FORBIDDEN_ELEMENTS.contains(name)) {
            problems.add(where(element) + " uses camunda:" + name + ": models run no scripts or connectors");
        }
        if (BPMN.equals(element.getNamespaceURI()) && FORBIDDEN_ACTIVITIES.contains(name)) {
            problems.add(where(element) + " is a " + name
                    + ": models run no scripts, and decisions are the tables in rules/");
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String local = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            boolean forbidden = ModelRules.CAMUNDA.equals(attribute.getNamespaceURI())
                    ? FORBIDDEN_ATTRIBUTES.contains(local)
                    : camundaElement
                            && attribute.getNamespaceURI() == null
                            && FORBIDDEN_EXTENSION_ATTRIBUTES.contains(local);
            if (forbidden) {
                problems.add(where(element) + " uses " + attribute.getName() + "=\"" + attribute.getValue()
                        + "\": models run no scripts or Java classes of their own");
            }
            if (SCRIPT_ATTRIBUTES.contains(local)) {
                problems.add(where(element) + " names a script language (" + local + "): models run no scripts");
            }
            if (local.equals("delegateExpression") && !processBeans.contains(bare(attribute.getValue()))) {
                problems.add(
                        where(element) + " delegates to " + attribute.getValue() + ", which is not a process bean");
            }
            expressions(attribute.getValue(), problems);
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                code(e, problems);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                expressions(child.getNodeValue(), problems);
            }
        }
    }

    private static String where(Element element) {
        String id = element.getAttribute("id");
        return id.isEmpty() ? "<" + element.getTagName() + ">" : id;
    }

    private static String bare(String expression) {
        Matcher m = BARE_NAME.matcher(expression.strip());
        return m.matches() ? m.group(1) : expression;
    }

    private void expressions(String text, List<String> problems) {
        Matcher expression = EXPRESSION.matcher(text);
        while (expression.find()) {
            String unquoted = QUOTED.matcher(expression.group(1)).replaceAll("''");
            Matcher reaching = REACHING_OUT.matcher(unquoted);
            if (reaching.find()) {
                problems.add("the expression " + expression.group() + " calls " + reaching.group(1)
                        + ": models reach no Java class, runtime or engine");
            }
            Matcher name = NAME_IN_USE.matcher(unquoted);
            while (name.find()) {
                String used = name.group(1);
                if (!BUILT_IN.contains(used) && !processBeans.contains(used)) {
                    problems.add("the expression " + expression.group() + " uses " + used
                            + ", which is not a process bean (models may call only "
                            + String.join(", ", processBeans.stream().sorted().toList()) + ")");
                }
            }
        }
    }
}
