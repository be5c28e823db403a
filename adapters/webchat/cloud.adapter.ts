/**
 * The botbuilder CloudAdapter Lina's web chat runs on, for Azure Bot Service (`/api/messages`)
 * and for Lina's own Direct Line alike, so replies always travel through botbuilder's
 * ConnectorClient to the activity's `serviceUrl`.
 * Bot Framework REST API: https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory, type Activity, type TurnContext } from 'botbuilder';
import type { Config } from '../../bot/config.js';
import type { Logger } from '../../bot/logger.js';

type CredentialsFactory = NonNullable<ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1]>;
type Credentials = Awaited<ReturnType<ConfigurationServiceClientCredentialFactory['createCredentials']>>;
type SignableRequest = Parameters<Credentials['signRequest']>[0];

/** The scope Bot Framework channels expect of a bot's outbound calls. */
const BOT_FRAMEWORK_AUDIENCE = 'https://api.botframework.com';

export interface LinaConnector {
  /** Base URL of Lina's own Bot Connector routes (loopback), once the server listens. */
  baseUrl(): string;
  /** Bearer secret the ConnectorClient presents to them; never leaves the process otherwise. */
  secret: string;
}

export interface CloudAdapterOptions {
  botFramework: Config['web']['botFramework'];
  connector: LinaConnector;
  logger: Logger;
  /** What the member reads when a turn fails outside the engine (from the locale). */
  apology: string;
}

/**
 * A CloudAdapter that can also run turns Lina's own Direct Line has authenticated itself
 * (its tokens), without a Bot Framework JWT that only Azure could sign.
 */
export class LinaCloudAdapter extends CloudAdapter {
  constructor(
    auth: ConfigurationBotFrameworkAuthentication,
    private readonly botAppId: string,
  ) {
    super(auth);
  }

  /**
   * Runs the bot for an activity from Lina's own Direct Line. Replies go through the
   * ConnectorClient to the activity's `serviceUrl`, exactly as for an Azure channel.
   */
  async processTrusted(activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const claimsIdentity = this.createClaimsIdentity(this.botAppId);
    const connectorFactory = this.botFrameworkAuthentication.createConnectorFactory(claimsIdentity);
    await this.processActivity({ audience: BOT_FRAMEWORK_AUDIENCE, claimsIdentity, connectorFactory }, activity, logic);
  }
}

/**
 * The adapter, authenticating as Azure Bot Service expects when an app id is configured
 * (MicrosoftAppId/Password/TenantId/Type), with authentication off otherwise. Calls to Lina's
 * own Bot Connector carry the in-process secret instead of an Azure token; any other
 * `serviceUrl` gets the configured credentials (none when authentication is off).
 */
export function createCloudAdapter(options: CloudAdapterOptions): LinaCloudAdapter {
  const { botFramework, connector, logger } = options;
  const settings = {
    MicrosoftAppId: botFramework.appId ?? '',
    MicrosoftAppPassword: botFramework.appPassword ?? '',
    MicrosoftAppTenantId: botFramework.tenantId ?? '',
    MicrosoftAppType: botFramework.appType,
  };
  const azure = new ConfigurationServiceClientCredentialFactory(settings);
  const credentialsFactory: CredentialsFactory = {
    isValidAppId: (appId) => azure.isValidAppId(appId),
    isAuthenticationDisabled: () => azure.isAuthenticationDisabled(),
    async createCredentials(appId, audience, loginEndpoint, validateAuthority) {
      const configured = await azure.createCredentials(appId, audience ?? BOT_FRAMEWORK_AUDIENCE, loginEndpoint, validateAuthority);
      return {
        async signRequest(request: SignableRequest) {
          if (!isOwnConnectorUrl(request.url, connector.baseUrl())) return configured.signRequest(request);
          request.headers.set('Authorization', `Bearer ${connector.secret}`);
          return request;
        },
      };
    },
  };
  const auth = new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: settings.MicrosoftAppId, MicrosoftAppTenantId: settings.MicrosoftAppTenantId }, credentialsFactory);
  const adapter = new LinaCloudAdapter(auth, settings.MicrosoftAppId);

  adapter.onTurnError = async (context, error) => {
    logger.error({ err: errorSummary(error), channelId: context.activity?.channelId, activityType: context.activity?.type }, 'web chat turn failed');
    // Only a member's own act deserves an answer; a failed typing or bot event does not.
    if (!['message', 'conversationUpdate', 'event'].includes(context.activity?.type ?? '')) return;
    try {
      await context.sendActivity({ type: 'message', text: options.apology, textFormat: 'plain' });
    } catch (sendError) {
      logger.warn({ err: errorSummary(sendError) }, 'web chat apology not delivered');
    }
  };
  return adapter;
}

/** Compared as parsed origins: `HTTP://127.0.0.1:…` is the same connector as `http://127.0.0.1:…`. */
function isOwnConnectorUrl(url: string, baseUrl: string): boolean {
  if (baseUrl.length === 0) return false;
  try {
    const target = new URL(url);
    return target.origin === new URL(baseUrl).origin && target.pathname.startsWith('/v3/conversations/');
  } catch {
    return false;
  }
}

function errorSummary(error: unknown): Record<string, unknown> {
  if (error instanceof Error) {
    const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
    return { name: error.name, ...(code !== undefined ? { code } : {}), ...(statusCode !== undefined ? { statusCode } : {}) };
  }
  return { name: typeof error };
}
