package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The engine now keeps full history (its user operation log records every staff action). An engine
 * refuses to start on a database whose recorded history level differs from its configuration, so a
 * database made with the earlier level ("audit", 2) is raised to "full" (3). On a new database the
 * engine's tables do not exist yet and there is nothing to do.
 */
public class V5__HistoryLevelFull extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        boolean engineTables;
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            engineTables = false;
            while (tables.next()) {
                engineTables |= tables.getString("TABLE_NAME").equalsIgnoreCase("ACT_GE_PROPERTY");
            }
        }
        if (engineTables) {
            try (Statement update = connection.createStatement()) {
                update.executeUpdate(
                        "update ACT_GE_PROPERTY set VALUE_ = '3' where NAME_ = 'historyLevel' and VALUE_ = '2'");
            }
        }
    }
}
